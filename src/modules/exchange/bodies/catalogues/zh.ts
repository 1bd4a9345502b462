import type { Catalogue } from './en.js';

/** Chinese catalogue (ICU MessageFormat); Chinese has only the `other` plural form. */
export const zh: Catalogue = {
  'render.priorityMark': '{priority, select, urgent {【紧急】} flash {【特急】} other {}}',
  'render.sender': '发文单位：{sender}',

  'document.title': '边境联络通报',
  'document.reference': '编号：{id}',
  'document.type': '类别：{type}',
  'document.sender': '发文单位：{sender}',
  'document.recipients': '收文单位：{recipients}',
  'document.date': '日期：{date, date, instant}',
  'document.priority': '紧急程度：{priority}',
  'document.acknowledgeBy': '请于{deadline, date, instant}前确认收悉。',
  'document.senderText': '发文单位附言（原文，未经翻译）：',
  'document.footer': '本文件由Borderlink根据结构化数据生成；文字与结构化数据不一致的，以结构化数据为准。',

  'person.sex': '性别：{sex}',
  'person.birthDate': '出生日期：{birthDate}',
  'person.nationality': '国籍：{nationality}',
  'person.document': '证件号码：{number}',
  'person.typedDocument':
    '{documentType}号码：{number}{hasState, select, yes {（签发国：{state}）} other {}}',
  'person.personalNumber': '个人识别号：{number}',
  'person.aliases': '别名：{aliases}',

  'situationDaily.title': '边境县（市）疫情日报（{reportDate, date, day}）',
  'situationDaily.correction': '更正报告（第{version, number}版）。',
  'situationDaily.correctionNote': '更正说明（原文）：{note}',
  'situationDaily.summary': '共报送{count, number}个边境县（市）的数据（当地时区：{timeZone}）。',
  'situationDaily.totals':
    '合计：新增病例{newCases, number}例（本土{newLocal, number}例，境外输入{newImported, number}例），死亡{deaths, number}例。',
  'situationDaily.county':
    '{county}：累计确诊{confirmed, number}例，新增本土病例{newLocal, number}例，新增境外输入病例{newImported, number}例，无症状感染者{asymptomatic, number}例，死亡{deaths, number}例，医学观察{underObservation, number}人，检测{tests, number}人次{hasCoverage, select, yes {，疫苗接种率{coverage, number, ::percent .#}} other {}}；风险等级：{risk}。',
  'situationDaily.remarks': '{county}备注（原文）：{remarks}',

  'portPolicy.title': '{port}口岸管控政策',
  'portPolicy.port': '口岸：{port}{hasCounterpart, select, yes {（对应口岸：{counterpart}）} other {}}',
  'portPolicy.status': '口岸状态：{status}',
  'portPolicy.test': '通关检测要求：{test}',
  'portPolicy.quarantine': '隔离要求：{days, plural, =0 {无需隔离} other {隔离#天}}',
  'portPolicy.hours': '通关时间：{hours}',
  'portPolicy.notes': '备注（原文）：{notes}',
  'portPolicy.effective':
    '自{from, date, instant}起施行{hasTo, select, yes {，至{to, date, instant}止} other {，另行通知前持续有效}}。',

  'measuresUpdate.title': '{area}疫情防控措施通报',
  'measuresUpdate.summary': '现行或即将实施的防控措施共{count, number}项：',
  'measuresUpdate.measure':
    '{index}. {measure}：自{from, date, day}起{hasTo, select, yes {至{to, date, day}止} other {，另行通知前持续有效}}',
  'measuresUpdate.description': '具体内容（原文）：{description}',

  'personsMovement.title': '涉疫人员出入境情况通报（共{count, number}人）',
  'personsMovement.totals': '入境{entries, number}人，出境{exits, number}人。',
  'personsMovement.person':
    '{index}. {name}{hasNative, select, yes {（{native}）} other {}}，{category}，于{movedAt, date, instant}{hasPort, select, yes {经{port}} other {}}{direction}',

  'watchlistShare.title': '共享涉疫人员预警名单（共{count, number}条）',
  'watchlistShare.replaceAll': '本名单替换此前共享的全部条目。',
  'watchlistShare.entry':
    '{index}. {name}{hasNative, select, yes {（{native}）} other {}}，{category}，有效期自{validFrom, date, day}至{validUntil, date, day}',
  'watchlistShare.reason': '列入原因（原文）：{reason}',
  'watchlistShare.withdrawnTitle': '撤回涉疫人员预警名单条目（共{count, number}条）',
  'watchlistShare.withdrawn': '撤回的条目（不再比对，其个人信息在接收时删除）：{ids}',

  'hitNotice.title': '预警比中通报：贵方共享的名单人员（条目{entryId}）在通关时被发现',
  'hitNotice.crossing': '通关情况：于{crossedAt, date, instant}经{port}{direction}',
  'hitNotice.match': '比对结果：{verdict}（匹配度{score, number, ::percent}）',
  'hitNotice.action': '已采取措施：{action}',
  'hitNotice.sharedIn': '该条目来自编号为{id}的通报。',
  'hitNotice.replyBy': '请于{replyBy, date, instant}前回复。',

  'handoverRequest.title':
    '{stage, select, request {人员移交请求} accept {同意接收移交人员} reschedule {人员移交改期} done {人员移交完成} other {人员移交}}：{name}',
  'handoverRequest.person': '移交人员：{name}，国籍：{nationality}',
  'handoverRequest.test':
    '检测结果：{result}{hasTestedAt, select, yes {（检测时间：{testedAt, date, instant}）} other {}}',
  'handoverRequest.symptoms': '症状：{count, plural, =0 {无} other {{symptoms}}}',
  'handoverRequest.when':
    '{stage, select, reschedule {改定移交时间} done {实际移交时间} other {拟移交时间}}：{at, date, instant}',
  'handoverRequest.place':
    '移交地点：{kind, select, port {{code}口岸} other {{code}通道}}{hasDescription, select, yes {，{description}} other {}}',
  'handoverRequest.interception': '关联查获记录：{id}',

  'operationInvite.title':
    '{stage, select, proposed {邀请} agreed {同意} declined {谢绝} counter_proposed {修改建议} other {联合行动}}：{kind}“{title}”',
  'operationInvite.window':
    '时间：{startsAt, date, instant}至{endsAt, date, instant}（共{hours, number}小时）',
  'operationInvite.section': '边境地段：{section}',
  'operationInvite.route': '巡逻路线：{points, number}个点位，全长约{km, number, ::.#}公里',
  'operationInvite.meetingPoint':
    '会哨点：{name}{hasMarker, select, yes {，{marker}号界碑} other {}}{hasAt, select, yes {，{at, date, instant}} other {}}',
  'operationInvite.radio': '联络频道：{channel}',
  'operationInvite.contact':
    '联系人：{name}{hasRole, select, yes {，{role}} other {}}{hasPhone, select, yes {，电话：{phone}} other {}}{hasCallSign, select, yes {，呼号：{callSign}} other {}}',
  'operationInvite.note': '备注（原文）：{note}',

  'operationReport.title': '{kind}总结报告（{completedAt, date, instant}结束）',
  'operationReport.operation': '行动编号：{id}',
  'operationReport.interceptions': '查获情况：共{events, number}起，{persons, number}人',
  'operationReport.outcome': '{outcome}：{persons, number}人',
  'operationReport.findings': '主要情况（原文）：{text}',
  'operationReport.lessons': '经验体会（原文）：{text}',

  'liaisonMessage.title': '联络函：{subject}',
  'liaisonMessage.body': '函件正文为发文方语言原文。',
};
