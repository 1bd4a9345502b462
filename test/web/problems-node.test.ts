import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { newNotification } from '../../src/modules/exchange/test-support/exchange-nodes.js';
import {
  addTestPort,
  buildCrossing,
  COUNTERPART_TEST_PORT,
  COUNTERPART_TEST_PORT_FEATURE,
} from '../../src/modules/warning/test-support/factories.js';
import { fieldErrorText, type Problem, problemText, type Wording } from '../../web/src/api/problem-text.js';
import { useTestNode } from '../support/nodes.js';

/** An i18next instance in `language` holding the web app's problems catalogue, as the app loads it. */
async function wordingIn(language: string): Promise<Wording> {
  const problems: unknown = JSON.parse(
    readFileSync(join(process.cwd(), 'web/src/locales', language, 'problems.json'), 'utf8'),
  );
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { [language]: { translation: { problems } } } });
  return instance;
}

const zh = { wording: await wordingIn('zh'), locale: 'zh-CN' };
const ru = { wording: await wordingIn('ru'), locale: 'ru-RU' };

describe('problems from a running node, worded as the web app words them', () => {
  const testNode = useTestNode('sqlite');

  async function refusedLogin(body: unknown): Promise<Problem> {
    const response = await testNode().anonymous().post<Problem>('/api/v1/auth/login', body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    return response.body;
  }

  const textOf = (problem: Problem, path: string, language: typeof zh) => {
    const error = problem.errors?.find((candidate) => candidate.path === path);
    if (!error) throw new Error(`no field error at ${path} in ${JSON.stringify(problem.errors)}`);
    return fieldErrorText(error, problem, language.wording, language.locale);
  };

  it('words every field of a refused request in Chinese and Russian, with the limits in Russian plural forms', async () => {
    const problem = await refusedLogin({ username: '', password: 'x'.repeat(501), remember: true });
    expect(problem.code).toBe('http.invalid_request');

    expect(textOf(problem, '/body/username', zh)).toBe('至少需要 1 个字符');
    expect(textOf(problem, '/body/password', zh)).toBe('最多 500 个字符');
    expect(textOf(problem, '/body/remember', zh)).toBe('此处不允许该字段');
    expect(textOf(problem, '/body/username', ru)).toBe('Не менее 1 символа');
    expect(textOf(problem, '/body/password', ru)).toBe('Не более 500 символов');

    const chinese = problemText(problem, zh.wording, zh.locale);
    expect(chinese).toMatch(/^部分内容不符合要求：/);
    expect(chinese).toContain('username：至少需要 1 个字符');
    expect(chinese).toContain('remember：此处不允许该字段');
    const russian = problemText(problem, ru.wording, ru.locale);
    expect(russian).toContain('password: Не более 500 символов');
    expect(russian).not.toContain('must');
  });

  it('words a missing field by its name', async () => {
    const problem = await refusedLogin({ username: 'admin' });
    expect(textOf(problem, '/body/password', zh)).toBe('必填');
    expect(problemText(problem, ru.wording, ru.locale)).toBe(
      'Некоторые данные указаны неверно: password: Обязательно для заполнения',
    );
  });

  it('words a domain refusal from its code, never showing the code or the English detail', async () => {
    const problem = await refusedLogin({ username: 'admin', password: 'not-the-password' });
    expect(problem.code).toBe('auth.login_failed');
    expect(problemText(problem, zh.wording, zh.locale)).toBe('用户名或密码错误');
    expect(problemText(problem, ru.wording, ru.locale)).toBe('Неверное имя пользователя или пароль');
  });

  it('words a too-short new password in Russian and Chinese with the minimum length the node sets', async () => {
    const user = await testNode().userWith(['viewer'], { username: 'short-password' });
    const response = await user.post<Problem>('/api/v1/auth/password', {
      currentPassword: 'password-of-short-password',
      newPassword: 'x',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('auth.password_too_short');
    expect(problemText(response.body, ru.wording, ru.locale)).toBe(
      'Пароль слишком короткий: минимальная длина — 10 симв.',
    );
    expect(textOf(response.body, '/newPassword', zh)).toBe('密码长度不足，至少需要 10 个字符');
  });

  it('words each field of a refused notification body by its schema keyword, limits included', async () => {
    const officer = await testNode().userWith(['liaison_officer'], { username: 'body-writer' });
    const response = await officer.post<Problem>(
      '/api/v1/notifications',
      newNotification({ body: { subject: 'x'.repeat(201), colour: 'red' } }),
    );
    expect(response.body.code).toBe('exchange.invalid_body');
    expect(textOf(response.body, '/body/subject', ru)).toBe('Не более 200 символов');
    expect(textOf(response.body, '/body/text', ru)).toBe('Обязательно для заполнения');
    expect(textOf(response.body, '/body/colour', zh)).toBe('此处不允许该字段');
    const chinese = problemText(response.body, zh.wording, zh.locale);
    expect(chinese).toMatch(/^通报内容不符合要求：/);
    expect(chinese).toContain('subject：最多 200 个字符');
    expect(chinese).not.toContain('must');
  });

  it("words a crossing refused at a neighbour's port with the port and its country", async () => {
    const admin = await testNode().admin();
    await addTestPort(admin);
    await addTestPort(admin, COUNTERPART_TEST_PORT, COUNTERPART_TEST_PORT_FEATURE);
    const desk = await testNode().userWith(['port_officer'], {
      personalData: true,
      username: 'erenhot-desk',
    });
    const response = await desk.post<Problem>(
      '/api/v1/warning/crossings',
      buildCrossing({ portCode: COUNTERPART_TEST_PORT }),
    );
    expect(response.body.code).toBe('warning.not_own_port');
    expect(problemText(response.body, zh.wording, zh.locale)).toBe(
      '口岸 ZAMYN 位于另一国家（MN）：只能记录本方口岸的出入境',
    );
    expect(textOf(response.body, '/portCode', ru)).toBe(
      'Пункт пропуска ZAMYN находится в другой стране (MN): пересечения записываются только в своих пунктах пропуска',
    );
  });

  it("falls back to the node's detail for a code the catalogue does not know", () => {
    const problem: Problem = {
      type: 'urn:borderlink:problem:liaison.new_rule',
      title: 'Conflict',
      status: 409,
      detail: 'A rule added after this client was built',
      code: 'liaison.new_rule',
    };
    expect(problemText(problem, zh.wording, zh.locale)).toBe('A rule added after this client was built');
  });

  it("uses the node's detail when a message names a value the problem does not carry", () => {
    const problem: Problem = {
      type: 'urn:borderlink:problem:exchange.unknown_recipient',
      title: 'Bad request',
      status: 400,
      detail: 'MN-XYZ is not a counterpart agency in the directory',
      code: 'exchange.unknown_recipient',
    };
    expect(problemText(problem, zh.wording, zh.locale)).toBe(problem.detail);
    const withAgency = { ...problem, details: { agency: 'MN-XYZ' } };
    expect(problemText(withAgency, zh.wording, zh.locale)).toBe('MN-XYZ 不是目录中的对方机构');
  });
});
