import { type Language, LOCALE_OF } from './language.js';

/** A code's label in every language, in the form it takes inside a sentence (lower case where the language has case). */
export type CodeLabels = Readonly<Record<Language, string>>;

const list = <const C extends string>(labels: Record<C, CodeLabels>): Readonly<Record<C, CodeLabels>> =>
  Object.freeze(labels);

/**
 * The shared code lists: every coded value a body carries, with its label in zh, en and ru.
 * Other modules (situation, warning, operations) use the same codes, so a value means the same on every node.
 */
export const CODE_LISTS = Object.freeze({
  portStatus: list({
    open: { zh: '开放', en: 'open', ru: 'открыт' },
    cargo_only: { zh: '仅限货运', en: 'cargo only', ru: 'только грузовые перевозки' },
    passengers_restricted: {
      zh: '限制旅客通行',
      en: 'passenger traffic restricted',
      ru: 'пассажирское сообщение ограничено',
    },
    closed: { zh: '关闭', en: 'closed', ru: 'закрыт' },
  }),
  testRequirement: list({
    none: { zh: '无需检测', en: 'no test required', ru: 'тестирование не требуется' },
    antigen: { zh: '抗原检测', en: 'antigen test', ru: 'экспресс-тест на антиген' },
    pcr: { zh: '核酸检测', en: 'PCR test', ru: 'ПЦР-тест' },
  }),
  measureType: list({
    lockdown: { zh: '封控管理', en: 'lockdown', ru: 'режим изоляции (локдаун)' },
    mass_testing: { zh: '大规模核酸检测', en: 'mass testing', ru: 'массовое тестирование населения' },
    travel_restriction: { zh: '出行限制', en: 'travel restrictions', ru: 'ограничение передвижения' },
    quarantine_facility: { zh: '集中隔离场所', en: 'quarantine facility', ru: 'карантинный обсерватор' },
    mask_mandate: { zh: '强制佩戴口罩', en: 'mandatory mask wearing', ru: 'масочный режим' },
    gathering_limit: {
      zh: '限制人员聚集',
      en: 'limits on gatherings',
      ru: 'ограничение массовых мероприятий',
    },
    border_closure: { zh: '关闭边境', en: 'border closure', ru: 'закрытие границы' },
    vaccination_campaign: { zh: '疫苗接种行动', en: 'vaccination campaign', ru: 'кампания по вакцинации' },
    other: { zh: '其他措施', en: 'other measure', ru: 'иная мера' },
  }),
  riskLevel: list({
    low: { zh: '低风险', en: 'low', ru: 'низкий' },
    medium: { zh: '中风险', en: 'medium', ru: 'средний' },
    high: { zh: '高风险', en: 'high', ru: 'высокий' },
  }),
  personCategory: list({
    confirmed_case: { zh: '确诊病例', en: 'confirmed case', ru: 'подтверждённый случай заболевания' },
    asymptomatic_case: { zh: '无症状感染者', en: 'asymptomatic case', ru: 'бессимптомный носитель инфекции' },
    close_contact: { zh: '密切接触者', en: 'close contact', ru: 'контактное лицо' },
    secondary_contact: { zh: '次密切接触者', en: 'secondary contact', ru: 'контактное лицо второго порядка' },
    absconded_from_quarantine: {
      zh: '擅自脱离隔离人员',
      en: 'absconded from quarantine',
      ru: 'лицо, самовольно покинувшее карантин',
    },
    other: { zh: '其他涉疫人员', en: 'other person involved', ru: 'иное лицо, связанное с эпидемией' },
  }),
  matchVerdict: list({
    hit: { zh: '命中', en: 'hit', ru: 'совпадение' },
    possible: { zh: '疑似命中', en: 'possible match', ru: 'возможное совпадение' },
  }),
  hitAction: list({
    secondary_health_check: {
      zh: '进一步健康检查',
      en: 'secondary health check',
      ru: 'дополнительный медицинский осмотр',
    },
    quarantine: { zh: '隔离观察', en: 'quarantine', ru: 'помещение на карантин' },
    refused_entry: { zh: '拒绝入境', en: 'entry refused', ru: 'отказ во въезде' },
    handed_to_health_authority: {
      zh: '移交卫生健康部门',
      en: 'handed over to the health authority',
      ru: 'передача органам здравоохранения',
    },
    none: { zh: '未采取措施', en: 'no action taken', ru: 'меры не принимались' },
  }),
  interceptionOutcome: list({
    persuaded_to_return: {
      zh: '劝返',
      en: 'persuaded to return',
      ru: 'возвращение после разъяснительной беседы',
    },
    detained: { zh: '查获扣留', en: 'detained', ru: 'задержание' },
    handed_over: {
      zh: '移交对方',
      en: 'handed over to the counterpart',
      ru: 'передача сопредельной стороне',
    },
    sent_to_quarantine: { zh: '送往隔离', en: 'sent to quarantine', ru: 'направление на карантин' },
    released: { zh: '放行', en: 'released', ru: 'освобождение' },
  }),
  interceptionReason: list({
    illegal_crossing_attempt: {
      zh: '企图非法越境',
      en: 'attempted illegal crossing',
      ru: 'попытка незаконного пересечения границы',
    },
    involved_in_epidemic: { zh: '涉疫', en: 'involved in the epidemic', ru: 'связь с эпидемией' },
    smuggling: { zh: '走私', en: 'smuggling', ru: 'контрабанда' },
    other: { zh: '其他', en: 'other', ru: 'иное' },
  }),
  operationKind: list({
    patrol: {
      zh: '非接触式联合巡逻',
      en: 'non-contact joint patrol',
      ru: 'бесконтактное совместное патрулирование',
    },
    law_enforcement: {
      zh: '联合执法行动',
      en: 'joint law-enforcement operation',
      ru: 'совместная правоохранительная операция',
    },
    exercise: { zh: '联合演练', en: 'joint exercise', ru: 'совместные учения' },
  }),
  operationStage: list({
    proposed: { zh: '提议', en: 'proposed', ru: 'предложение' },
    agreed: { zh: '同意', en: 'agreed', ru: 'согласовано' },
    declined: { zh: '拒绝', en: 'declined', ru: 'отклонено' },
    counter_proposed: { zh: '提出修改建议', en: 'counter-proposal', ru: 'встречное предложение' },
  }),
  handoverStage: list({
    request: { zh: '移交请求', en: 'request', ru: 'запрос о передаче' },
    accept: { zh: '同意接收', en: 'accepted', ru: 'согласие на приём' },
    reschedule: { zh: '改期', en: 'rescheduled', ru: 'перенос срока' },
    done: { zh: '移交完成', en: 'completed', ru: 'передача состоялась' },
  }),
  testResult: list({
    negative: { zh: '阴性', en: 'negative', ru: 'отрицательный' },
    positive: { zh: '阳性', en: 'positive', ru: 'положительный' },
    pending: { zh: '待出结果', en: 'pending', ru: 'ожидается' },
    not_tested: { zh: '未检测', en: 'not tested', ru: 'тест не проводился' },
  }),
  symptom: list({
    fever: { zh: '发热', en: 'fever', ru: 'повышенная температура' },
    cough: { zh: '咳嗽', en: 'cough', ru: 'кашель' },
    sore_throat: { zh: '咽痛', en: 'sore throat', ru: 'боль в горле' },
    shortness_of_breath: { zh: '呼吸困难', en: 'shortness of breath', ru: 'одышка' },
    fatigue: { zh: '乏力', en: 'fatigue', ru: 'слабость' },
    loss_of_smell_or_taste: {
      zh: '嗅觉或味觉减退',
      en: 'loss of smell or taste',
      ru: 'потеря обоняния или вкуса',
    },
    headache: { zh: '头痛', en: 'headache', ru: 'головная боль' },
    muscle_pain: { zh: '肌肉酸痛', en: 'muscle pain', ru: 'мышечная боль' },
    diarrhoea: { zh: '腹泻', en: 'diarrhoea', ru: 'диарея' },
    other: { zh: '其他症状', en: 'other symptoms', ru: 'иные симптомы' },
  }),
  priority: list({
    routine: { zh: '常规', en: 'routine', ru: 'обычный' },
    urgent: { zh: '紧急', en: 'urgent', ru: 'срочный' },
    flash: { zh: '特急', en: 'flash', ru: 'молния' },
  }),
  direction: list({
    entry: { zh: '入境', en: 'entry', ru: 'въезд' },
    exit: { zh: '出境', en: 'exit', ru: 'выезд' },
  }),
  sex: list({
    M: { zh: '男', en: 'male', ru: 'мужской' },
    F: { zh: '女', en: 'female', ru: 'женский' },
    X: { zh: '未说明', en: 'unspecified', ru: 'не указан' },
  }),
  documentType: list({
    passport: { zh: '护照', en: 'passport', ru: 'паспорт' },
    identity_card: { zh: '身份证件', en: 'identity card', ru: 'удостоверение личности' },
    border_pass: { zh: '边境通行证', en: 'border pass', ru: 'пограничный пропуск' },
    seafarer_book: { zh: '海员证', en: "seafarer's identity document", ru: 'удостоверение личности моряка' },
    residence_permit: { zh: '居留许可', en: 'residence permit', ru: 'вид на жительство' },
    other: { zh: '其他证件', en: 'other document', ru: 'иной документ' },
  }),
  notificationType: list({
    'situation.daily': {
      zh: '边境疫情日报',
      en: 'daily epidemic situation',
      ru: 'ежедневная эпидемическая сводка',
    },
    'port.policy': { zh: '口岸管控政策', en: 'port control policy', ru: 'режим работы пункта пропуска' },
    'measures.update': {
      zh: '防控措施通报',
      en: 'control measures update',
      ru: 'меры профилактики и контроля',
    },
    'persons.movement': {
      zh: '涉疫人员出入境通报',
      en: 'movements of persons involved',
      ru: 'перемещение лиц, связанных с эпидемией',
    },
    'watchlist.share': {
      zh: '涉疫人员预警名单',
      en: 'watchlist entries shared',
      ru: 'список лиц для раннего оповещения',
    },
    'hit.notice': {
      zh: '预警比中通报',
      en: 'watchlist hit notice',
      ru: 'уведомление о выявлении лица из списка',
    },
    'handover.request': { zh: '人员移交', en: 'handover of a person', ru: 'передача лица' },
    'operation.invite': {
      zh: '联合行动邀请',
      en: 'joint operation invitation',
      ru: 'приглашение к совместной операции',
    },
    'operation.report': {
      zh: '联合行动总结',
      en: 'joint operation report',
      ru: 'отчёт о совместной операции',
    },
    'liaison.message': { zh: '联络函', en: 'liaison message', ru: 'сообщение по линии связи' },
  }),
});

export type CodeListName = keyof typeof CODE_LISTS;
export type CodeOf<L extends CodeListName> = keyof (typeof CODE_LISTS)[L] & string;

/** The codes of a list, in their listed order. */
export const codesOf = <L extends CodeListName>(name: L): readonly CodeOf<L>[] =>
  Object.keys(CODE_LISTS[name]) as CodeOf<L>[];

/** `inline` is the form used after a colon or inside a sentence; `standalone` starts with a capital (menus, cells). */
export type LabelForm = 'inline' | 'standalone';

/**
 * The label of a code in a language. A code this node does not know (a peer on a newer version may send one)
 * comes back as the code itself rather than failing the whole rendering.
 */
export const codeLabel = (
  name: CodeListName,
  code: string,
  lang: Language,
  form: LabelForm = 'standalone',
): string => {
  const labels: Readonly<Record<string, CodeLabels>> = CODE_LISTS[name];
  const label = Object.hasOwn(labels, code) ? labels[code]?.[lang] : undefined;
  if (label === undefined) return code;
  return form === 'standalone' ? capitalise(label, lang) : label;
};

const capitalise = (label: string, lang: Language): string =>
  label.charAt(0).toLocaleUpperCase(LOCALE_OF[lang]) + label.slice(1);
