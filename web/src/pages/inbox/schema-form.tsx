import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, type CodeListName } from '../../../../src/modules/exchange/bodies/code-lists.js';
import { useCodeLabel } from '../../i18n/codes.js';

/** The subset of JSON Schema (as TypeBox emits it) the body schemas use. */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly description?: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

const DATE_PATTERN_START = '^\\d{4}-(0[1-9]';
const INSTANT_HINT = 'T';

function constsOf(schema: JsonSchema): string[] | null {
  if (!schema.anyOf?.every((option) => typeof option.const === 'string')) return null;
  return schema.anyOf.map((option) => String(option.const));
}

/** The shared code list whose codes are exactly the schema's choices, for labels in the reader's language. */
function codeListOf(codes: readonly string[]): CodeListName | null {
  for (const [name, list] of Object.entries(CODE_LISTS)) {
    const keys = Object.keys(list);
    if (keys.length === codes.length && codes.every((code) => keys.includes(code)))
      return name as CodeListName;
  }
  return null;
}

function isDate(schema: JsonSchema): boolean {
  return schema.pattern?.startsWith(DATE_PATTERN_START) === true && schema.maxLength === 10;
}

function isInstant(schema: JsonSchema): boolean {
  return schema.pattern?.includes(INSTANT_HINT) === true && schema.maxLength === 35;
}

/** A starting value: constants filled in, required choices on their first option, arrays at their minimum size. */
export function initialValue(schema: JsonSchema): JsonValue | undefined {
  if (schema.const !== undefined) return schema.const as JsonValue;
  const choices = constsOf(schema);
  if (choices) return choices[0] ?? null;
  if (schema.type === 'object' && schema.properties) {
    const value: JsonObject = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!schema.required?.includes(name)) continue;
      const initial = initialValue(property);
      if (initial !== undefined) value[name] = initial;
    }
    return value;
  }
  if (schema.type === 'array' && schema.items) {
    const items = schema.items;
    return Array.from({ length: schema.minItems ?? 0 }, () => initialValue(items) ?? '');
  }
  if (schema.type === 'boolean') return false;
  return undefined;
}

/** Drops empty strings, empty optional objects and unset numbers so the node sees only what was entered. */
export function cleanValue(value: JsonValue | undefined): JsonValue | undefined {
  if (value === '' || value === undefined) return undefined;
  if (Array.isArray(value))
    return value.map((item) => cleanValue(item) ?? null).filter((item) => item !== null);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, cleanValue(item)] as const)
      .filter(([, item]) => item !== undefined);
    return Object.fromEntries(entries) as JsonObject;
  }
  return value;
}

/** `2026-11-27T08:30` from the datetime input, as an instant in the officer's zone with its offset. */
function instantFromInput(local: string): string {
  return local ? new Date(local).toISOString() : '';
}

function inputFromInstant(instant: unknown): string {
  if (typeof instant !== 'string' || !instant) return '';
  const date = new Date(instant);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface NodeProps {
  readonly schema: JsonSchema;
  readonly name: string;
  readonly value: JsonValue | undefined;
  readonly required: boolean;
  readonly errorFor: (path: string) => string | undefined;
  readonly path: string;
  readonly onChange: (value: JsonValue | undefined) => void;
}

function useFieldLabel() {
  const { t } = useTranslation();
  return (name: string) => t(`inbox.fields.${name}`, { defaultValue: name });
}

function ScalarField({ schema, name, value, required, errorFor, path, onChange }: NodeProps) {
  const id = useId();
  const fieldLabel = useFieldLabel();
  const codeLabel = useCodeLabel();
  const error = errorFor(path);
  const errorId = error ? `${id}-error` : undefined;
  const common = { id, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': errorId };
  const choices = constsOf(schema);
  let control: ReactNode;
  if (choices) {
    const list = codeListOf(choices);
    control = (
      <select
        {...common}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value)}
      >
        {!required && <option value="">—</option>}
        {choices.map((code) => (
          <option key={code} value={code}>
            {list ? codeLabel(list, code) : code}
          </option>
        ))}
      </select>
    );
  } else if (schema.type === 'integer' || schema.type === 'number') {
    control = (
      <input
        {...common}
        type="number"
        step={schema.type === 'integer' ? 1 : 'any'}
        min={schema.minimum}
        max={schema.maximum}
        value={typeof value === 'number' ? value : ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      />
    );
  } else if (schema.type === 'boolean') {
    control = (
      <input
        {...common}
        type="checkbox"
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
      />
    );
  } else if (isDate(schema)) {
    control = (
      <input
        {...common}
        type="date"
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else if (isInstant(schema)) {
    control = (
      <input
        {...common}
        type="datetime-local"
        value={inputFromInstant(value)}
        onChange={(event) => onChange(instantFromInput(event.target.value))}
      />
    );
  } else if ((schema.maxLength ?? 0) > 300) {
    control = (
      <textarea
        {...common}
        rows={3}
        maxLength={schema.maxLength}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    control = (
      <input
        {...common}
        maxLength={schema.maxLength}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{fieldLabel(name)}</label>
      {control}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function ArrayField({ schema, name, value, errorFor, path, onChange }: NodeProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const items = Array.isArray(value) ? value : [];
  const itemSchema = schema.items ?? {};
  const canAdd = items.length < (schema.maxItems ?? 1000);
  const canRemove = items.length > (schema.minItems ?? 0);
  return (
    <fieldset className="schema-array">
      <legend>{fieldLabel(name)}</legend>
      {items.map((item, index) => (
        <div key={`${path}/${index.toString()}`} className="schema-item">
          <SchemaNode
            schema={itemSchema}
            name={`${name}`}
            value={item}
            required
            errorFor={errorFor}
            path={`${path}/${index}`}
            onChange={(next) => onChange(items.map((other, at) => (at === index ? (next ?? '') : other)))}
          />
          {canRemove && (
            <button type="button" onClick={() => onChange(items.filter((_, at) => at !== index))}>
              {t('inbox.compose.remove', { name: fieldLabel(name), index: index + 1 })}
            </button>
          )}
        </div>
      ))}
      {canAdd && (
        <button type="button" onClick={() => onChange([...items, initialValue(itemSchema) ?? ''])}>
          {t('inbox.compose.add', { name: fieldLabel(name) })}
        </button>
      )}
    </fieldset>
  );
}

function ObjectField({ schema, name, value, errorFor, path, onChange }: NodeProps) {
  const fieldLabel = useFieldLabel();
  const object: JsonObject =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const fields = Object.entries(schema.properties ?? {}).filter(
    ([, property]) => property.const === undefined,
  );
  const content = fields.map(([property, propertySchema]) => (
    <SchemaNode
      key={property}
      schema={propertySchema}
      name={property}
      value={object[property]}
      required={schema.required?.includes(property) ?? false}
      errorFor={errorFor}
      path={`${path}/${property}`}
      onChange={(next) => {
        const copy = { ...object };
        if (next === undefined) delete copy[property];
        else copy[property] = next;
        onChange(copy);
      }}
    />
  ));
  if (path === '') return <div className="schema-object">{content}</div>;
  return (
    <fieldset className="schema-object">
      <legend>{fieldLabel(name)}</legend>
      {content}
    </fieldset>
  );
}

/** One node of a body schema rendered as form controls, recursively. */
export function SchemaNode(props: NodeProps) {
  const { schema } = props;
  if (schema.type === 'object' && schema.properties) return <ObjectField {...props} />;
  if (schema.type === 'array') return <ArrayField {...props} />;
  return <ScalarField {...props} />;
}
