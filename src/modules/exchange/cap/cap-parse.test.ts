import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { parseCapAlert } from './cap-parse.js';
import { buildCapXml, fixture, fixtureFiles } from './test-support/cap-fixtures.js';

async function refusal(xml: string | Buffer): Promise<AppError> {
  const error: unknown = await parseCapAlert(xml).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('parseCapAlert over the example folders', () => {
  it('imports every file in examples/spec and examples/real', async () => {
    const files = [...fixtureFiles('examples/spec'), ...fixtureFiles('examples/real')];
    const outcomes = await Promise.allSettled(files.map((file) => parseCapAlert(file.bytes)));
    const refused = outcomes.flatMap((outcome, i) =>
      outcome.status === 'rejected' ? [`${files[i]?.name}: ${String(outcome.reason)}`] : [],
    );
    expect(refused).toEqual([]);
    for (const outcome of outcomes) {
      if (outcome.status !== 'fulfilled') continue;
      expect(outcome.value.identifier).not.toBe('');
      expect(outcome.value.sender).not.toBe('');
    }
  });

  const negatives: Record<string, RegExp> = {
    'capparselib-invalid_xmlns.cap': /emergency:alerts:1\.2.*a CAP 1\.2 document is one <alert/,
    'google-canada_errors.cap': /msgType Update must reference the earlier message/,
    'google-invalid.cap': /line 9: Element 'cap:info'/,
    'google-xee.cap':
      /line 3: <!DOCTYPE> declarations are refused.*no DTD or external entity is ever resolved/,
    'wis2box-bf-invalid_schema.xml': /line 16: Element 'cap:certainty'/,
    'wis2box-sc-invalid_schema.xml': /XMLSchema\}schema'.*validation root/,
    'wis2box-tg-invalid_schema.xml': /line 16: Element 'cap:audience'/,
  };

  it('refuses every file in negative/ with a message naming the problem', async () => {
    const files = fixtureFiles('negative');
    expect(files.map((file) => file.name)).toEqual(Object.keys(negatives).sort());
    const errors = await Promise.all(files.map((file) => refusal(file.bytes)));
    errors.forEach((error, i) => {
      const name = files[i]!.name;
      expect(error.code, name).toBe('exchange.cap_invalid');
      expect(error.kind, name).toBe('invalid');
      expect(error.message, name).toMatch(negatives[name]!);
      expect(error.details?.errors, name).toEqual(
        expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]),
      );
    });
  });

  it('refuses a real alert that breaks the schema, because only schema-valid CAP is imported', async () => {
    const error = await refusal(fixture('examples/real-nonconforming', 'capparselib-sweden.cap'));
    expect(error.message).toMatch(/line 17: Element 'cap:senderName': This element is not expected/);
  });

  it('refuses an <alerts> wrapper: a feed must be split into single alerts before import', async () => {
    const error = await refusal(fixture('examples/wrapped', 'capparselib-smhi.se.alerts.cap'));
    expect(error.message).toMatch(/Element 'cap:alerts'.*a CAP 1\.2 document is one <alert/);
  });
});

describe('parseCapAlert mapping', () => {
  it('maps every field of the CAP 1.2 thunderstorm example', async () => {
    const alert = await parseCapAlert(fixture('examples/spec', 'oasis-cap12-appendixA2-thunderstorm.xml'));
    expect(alert).toMatchObject({
      identifier: 'KSTO1055887203',
      sender: 'KSTO@NWS.NOAA.GOV',
      sent: '2003-06-17T14:57:00-07:00',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      references: [],
      signed: false,
    });
    const info = alert.info[0]!;
    expect(info).toMatchObject({
      language: 'en-US',
      categories: ['Met'],
      event: 'SEVERE THUNDERSTORM',
      responseTypes: ['Shelter'],
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      eventCodes: [{ valueName: 'SAME', value: 'SVR' }],
      expires: '2003-06-17T16:00:00-07:00',
      senderName: 'NATIONAL WEATHER SERVICE SACRAMENTO CA',
      headline: 'SEVERE THUNDERSTORM WARNING',
      instruction: 'TAKE COVER IN A SUBSTANTIAL SHELTER UNTIL THE STORM PASSES.',
      contact: 'BARUFFALDI/JUSKIE',
    });
    expect(info.description).toMatch(/^AT 254 PM PDT/);
    const area = info.areas[0]!;
    expect(area.areaDesc).toMatch(/^EXTREME NORTH CENTRAL TUOLUMNE COUNTY/);
    expect(area.polygons[0]).toHaveLength(5);
    expect(area.polygons[0]![0]).toEqual({ lat: 38.47, lon: -120.14 });
    expect(area.polygons[0]![4]).toEqual(area.polygons[0]![0]);
    expect(area.geocodes).toEqual([
      { valueName: 'SAME', value: '006109' },
      { valueName: 'SAME', value: '006009' },
      { valueName: 'SAME', value: '006003' },
    ]);
  });

  it('reads circles, parameters and references', async () => {
    const quake = await parseCapAlert(fixture('examples/spec', 'oasis-cap12-appendixA3-earthquake.xml'));
    expect(quake.msgType).toBe('Update');
    expect(quake.references).toEqual([
      { sender: 'trinet@caltech.edu', identifier: 'TRI13970876.1', sent: '2003-06-11T20:30:00-07:00' },
    ]);
    expect(quake.info[0]?.areas[0]?.circles).toEqual([
      { center: { lat: 32.9525, lon: -115.5527 }, radiusKm: 0 },
    ]);
    expect(quake.info[0]?.parameters).toContainEqual({ valueName: 'EventID', value: '13970876' });
  });

  it('decodes the ISO-8859-1 earthquake alert to the right characters', async () => {
    const alert = await parseCapAlert(fixture('examples/real', 'google-earthquake-iso8859-1.cap'));
    expect(alert.info[0]?.headline).toBe('EQ 4.6 Usulután, Usulután, El Salvador - PRELIMINARY REPORT');
  });

  it('reads a byte-order-marked Taiwanese alert and flags signed alerts without verifying them', async () => {
    const taiwan = await parseCapAlert(fixture('examples/real', 'capparselib-taiwan.cap'));
    expect(taiwan.info[0]?.headline).toBe('明德水庫:洩洪中');
    const signed = await parseCapAlert(fixture('examples/real', 'google-canada_signed.cap'));
    expect(signed.signed).toBe(true);
  });

  it('decodes character references in text but keeps CDATA verbatim', async () => {
    const alert = await parseCapAlert(
      buildCapXml({
        headline: 'Fever &lt;38&#xB0;C&gt; &amp; cough &#20013;',
        description: '<![CDATA[literal &lt;b&gt; stays]]> and &quot;quoted&quot;',
      }),
    );
    expect(alert.info[0]?.headline).toBe('Fever <38°C> & cough 中');
    expect(alert.info[0]?.description).toBe('literal &lt;b&gt; stays and "quoted"');
  });

  it('reads an alert written with a namespace prefix', async () => {
    const alert = await parseCapAlert(buildCapXml({ prefix: 'cap' }));
    expect(alert.info[0]?.areas[0]?.areaDesc).toBe('Erenhot');
    expect(alert.info[0]?.categories).toEqual(['Health']);
  });

  it('treats empty optional elements as absent', async () => {
    const alert = await parseCapAlert(fixture('examples/real', 'google-canada.cap'));
    expect(alert.note).toBeUndefined();
    expect(alert.incidents).toBeUndefined();
    expect(alert.info[0]?.contact).toBeUndefined();
  });
});

describe('parseCapAlert CAP rules beyond the schema', () => {
  const cases: Array<[string, Parameters<typeof buildCapXml>[0], RegExp]> = [
    ['an update without references', { msgType: 'Update' }, /msgType Update must reference/],
    [
      'a malformed reference',
      { msgType: 'Cancel', references: '<references>only-an-id</references>' },
      /reference "only-an-id" is not "sender,identifier,sent"/,
    ],
    [
      'an open polygon',
      {
        area: '<area><areaDesc>x</areaDesc><polygon>43.6,111.9 43.7,112.0 43.6,112.1 43.5,112.0</polygon></area>',
      },
      /polygon must have at least 4 points and end where it starts/,
    ],
    [
      'a coordinate out of range',
      {
        area: '<area><areaDesc>x</areaDesc><polygon>93.6,111.9 43.7,112.0 43.6,112.1 93.6,111.9</polygon></area>',
      },
      /polygon holds a coordinate pair/,
    ],
    [
      'a circle without radius',
      { area: '<area><areaDesc>x</areaDesc><circle>43.6,111.9</circle></area>' },
      /circle must be "lat,lon radius"/,
    ],
    ['a restricted alert without restriction', { scope: 'Restricted' }, /scope is Restricted but/],
    ['a private alert without addresses', { scope: 'Private' }, /scope is Private but/],
    [
      'an identifier with a space',
      { identifier: 'MN GABP 1' },
      /identifier "MN GABP 1" must not contain spaces/,
    ],
  ];

  it.each(cases)('refuses %s', async (_name, parts, message) => {
    const error = await refusal(buildCapXml(parts));
    expect(error.code).toBe('exchange.cap_invalid');
    expect(error.message).toMatch(message);
  });

  it('accepts a restricted alert that says who may see it', async () => {
    const alert = await parseCapAlert(
      buildCapXml({ scope: 'Restricted', alertExtras: '<restriction>Liaison officers only</restriction>' }),
    );
    expect(alert.restriction).toBe('Liaison officers only');
  });
});
