import { describe, expect, it } from 'vitest';
import { validateCapXml } from './cap-validate.js';
import { buildCapXml, fixture, fixtureFiles } from './test-support/cap-fixtures.js';

const xee = fixture('negative', 'google-xee.cap');

describe('validateCapXml', () => {
  it('accepts every specification and real-world example, checked together in one batch', async () => {
    const files = [...fixtureFiles('examples/spec'), ...fixtureFiles('examples/real')];
    const results = await Promise.all(files.map((file) => validateCapXml(file.bytes)));
    const refused = files.filter((_, i) => !results[i]?.ok).map((file) => file.name);
    expect(refused).toEqual([]);
    expect(files).toHaveLength(28);
  });

  it('keeps each document its own verdict when valid and invalid alerts are checked together', async () => {
    const [good, bad, alsoGood] = await Promise.all([
      validateCapXml(buildCapXml()),
      validateCapXml(buildCapXml({ scope: '' })),
      validateCapXml(buildCapXml({ identifier: 'second' })),
    ]);
    expect(good).toEqual({ ok: true });
    expect(alsoGood).toEqual({ ok: true });
    expect(bad.ok).toBe(false);
  });

  it('refuses the XXE payload for its DTD before any XML tool reads it', async () => {
    const result = await validateCapXml(xee);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toEqual({ line: 3, message: expect.stringMatching(/DOCTYPE.*DTD.*entity/) });
    expect(result.errors.some((error) => error.message.includes('XInclude'))).toBe(true);
  });

  it('refuses an internal entity declaration (entity expansion bomb)', async () => {
    const bomb = buildCapXml().replace(
      '<alert',
      '<!DOCTYPE alert [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<alert',
    );
    const result = await validateCapXml(bomb);
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 2, message: expect.stringContaining('<!DOCTYPE>') }],
    });
  });

  it('refuses XInclude even without a DTD', async () => {
    const xml = buildCapXml({
      description: '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd"/>',
    });
    const result = await validateCapXml(xml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/XInclude is refused/);
  });

  it('accepts declaration-like text inside a comment or CDATA section', async () => {
    const xml = buildCapXml({
      headline: '<!-- <!DOCTYPE x> is only a comment -->Border notice',
      description: '<![CDATA[Quote: <!ENTITY x "y"> & more]]>',
    });
    expect(await validateCapXml(xml)).toEqual({ ok: true });
  });

  it('reads an ISO-8859-1 alert from bytes and from already-decoded text', async () => {
    const bytes = fixture('examples/real', 'google-earthquake-iso8859-1.cap');
    expect(await validateCapXml(bytes)).toEqual({ ok: true });
    expect(await validateCapXml(bytes.toString('latin1'))).toEqual({ ok: true });
  });

  it('reads a UTF-16 alert with a byte order mark', async () => {
    const text = buildCapXml({ headline: '二连浩特口岸 Эрээн' }).replace(
      'encoding="UTF-8"',
      'encoding="UTF-16"',
    );
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await validateCapXml(bytes)).toEqual({ ok: true });
  });

  it('refuses an unknown declared encoding and bytes that are not the declared encoding', async () => {
    const unknown = await validateCapXml(Buffer.from(buildCapXml().replace('UTF-8', 'X-MARTIAN')));
    expect(unknown).toEqual({
      ok: false,
      errors: [{ line: 1, message: expect.stringContaining('x-martian') }],
    });
    const broken = Buffer.concat([Buffer.from(buildCapXml({ headline: 'AB' })), Buffer.from([0xc3, 0x28])]);
    expect(await validateCapXml(broken)).toEqual({
      ok: false,
      errors: [{ message: expect.stringContaining('not valid utf-8') }],
    });
  });

  it('accepts an enveloped XML signature but no foreign element elsewhere', async () => {
    expect(await validateCapXml(fixture('examples/real', 'google-canada_signed.cap'))).toEqual({ ok: true });
    const signature = '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/></Signature>';
    const signed = buildCapXml().replace('</alert>', `${signature}</alert>`);
    expect(await validateCapXml(signed)).toEqual({ ok: true });
    const foreign = buildCapXml().replace('</alert>', '<extra xmlns="urn:example:other">x</extra></alert>');
    expect((await validateCapXml(foreign)).ok).toBe(false);
  });

  it('names the line and the element the schema refuses', async () => {
    const result = await validateCapXml(fixture('negative', 'google-invalid.cap'));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 9, message: expect.stringContaining("Element 'cap:info': This element is not expected") },
      ],
    });
  });

  it('reports XML that is not well-formed', async () => {
    const result = await validateCapXml('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/not well-formed XML/);
  });
});
