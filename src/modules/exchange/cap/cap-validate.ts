import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { referenceDir } from '../../../core/paths.js';
import { readCapText } from './cap-input.js';
import { CAP_NAMESPACE, type CapProblem, type CapValidation } from './cap-model.js';

const SCHEMA_FILE = 'CAP-v1.2.xsd';
/** A batch shares one xmllint run; the cap keeps one run's memory and latency bounded. */
const MAX_BATCH_DOCUMENTS = 32;
const MAX_BATCH_CHARS = 8_000_000;
/** 256 MiB in 64 KiB WebAssembly pages: room for a batch of large alerts (IPAWS polygons reach ~0.5 MB). */
const MAX_MEMORY_PAGES = 4096;

interface PendingCheck {
  fileName: string;
  text: string;
  settle: (result: CapValidation) => void;
}

let schemaText: Promise<string> | undefined;
const queue: PendingCheck[] = [];
let running = false;
let scheduled = false;
let sequence = 0;

/** Validates a CAP 1.2 document against the OASIS schema, after refusing DTDs, entities and XInclude outright. */
export async function validateCapXml(xml: string | Buffer): Promise<CapValidation> {
  const read = readCapText(xml);
  if (!read.ok) return read;
  return checkAgainstSchema(read.text);
}

/** Schema check of text that already passed `readCapText`; shared with the parser so it decodes only once. */
export function checkAgainstSchema(text: string): Promise<CapValidation> {
  return new Promise((settle) => {
    sequence += 1;
    queue.push({ fileName: `alert-${sequence}.xml`, text, settle });
    // Callers arriving in the same turn (a feed, a bulk import) join one run: starting xmllint's worker
    // and compiling the schema costs ~90 ms, checking one more alert a few ms.
    if (!scheduled) {
      scheduled = true;
      setImmediate(pump);
    }
  });
}

function pump(): void {
  scheduled = false;
  if (running || queue.length === 0) return;
  running = true;
  const batch = takeBatch();
  void runBatch(batch).finally(() => {
    running = false;
    pump();
  });
}

function takeBatch(): PendingCheck[] {
  const batch: PendingCheck[] = [];
  let chars = 0;
  while (queue.length > 0 && batch.length < MAX_BATCH_DOCUMENTS) {
    const next = queue[0]!;
    if (batch.length > 0 && chars + next.text.length > MAX_BATCH_CHARS) break;
    chars += next.text.length;
    batch.push(next);
    queue.shift();
  }
  return batch;
}

async function runBatch(batch: PendingCheck[]): Promise<void> {
  try {
    const result = await runXmllint(batch);
    for (const check of batch) check.settle(resultFor(check.fileName, result));
  } catch (error) {
    // A crash (out of memory, unexpected exit) would otherwise fail every alert of the batch: retry alone.
    if (batch.length > 1) {
      for (const check of batch) await runBatch([check]);
      return;
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    for (const check of batch) {
      check.settle({
        ok: false,
        errors: [{ message: `the XML validator could not process the document: ${reason}` }],
      });
    }
  }
}

async function runXmllint(batch: PendingCheck[]): Promise<XMLValidationResult> {
  schemaText ??= readFile(path.join(referenceDir, 'cap', SCHEMA_FILE), 'utf8');
  const schema = await schemaText;
  return validateXML({
    xml: batch.map((check) => ({ fileName: check.fileName, contents: check.text })),
    schema: { fileName: SCHEMA_FILE, contents: schema },
    maxMemoryPages: MAX_MEMORY_PAGES,
    // Belt and braces: the input guard already refused anything that could point outside.
    modifyArguments: (args) => ['--nonet', ...args],
  });
}

function resultFor(fileName: string, result: XMLValidationResult): CapValidation {
  if (result.rawOutput.split('\n').includes(`${fileName} validates`)) return { ok: true };
  const errors: CapProblem[] = result.errors
    .filter((error) => error.loc?.fileName === fileName)
    .map((error) => ({ line: error.loc!.lineNumber, message: readable(error.message) }));
  return {
    ok: false,
    errors: errors.length > 0 ? errors : [{ message: 'the document is not a valid CAP 1.2 alert' }],
  };
}

/** xmllint writes `{urn:oasis:names:tc:emergency:cap:1.2}info`; `cap:info` reads better in an error shown to an officer. */
function readable(message: string): string {
  return message
    .replaceAll(`{${CAP_NAMESPACE}}`, 'cap:')
    .replace(/^(element \S+: )?Schemas validity error : /, '')
    .replace(/^parser error : /, 'not well-formed XML: ')
    .replace(
      /validation root\.$/,
      `validation root: a CAP 1.2 document is one <alert xmlns="${CAP_NAMESPACE}">`,
    );
}
