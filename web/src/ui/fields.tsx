import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { type Language, type LocalisedNames, localName } from '../api/types.js';
import { Field } from './form.js';

interface RowProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
}

/** One choice of a select: the value sent to the API and the label the officer reads. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

type InputProps = RowProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;
type SelectProps = RowProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    readonly choices: readonly Choice[];
  };
type TextAreaProps = RowProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

/** The control's accessibility wiring: the hint and error described, an error marked invalid. */
const described = (describedBy: string | undefined, error: string | undefined) => ({
  'aria-describedby': describedBy,
  'aria-invalid': error ? true : undefined,
});

/** A labelled input row with its hint and the node's error for it. */
export function InputField({ label, error, hint, ...input }: InputProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy }) => <input id={id} {...described(describedBy, error)} {...input} />}
    </Field>
  );
}

/** A labelled select row over a list of choices. */
export function SelectField({ label, error, hint, choices, ...select }: SelectProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <select id={id} {...described(describedBy, error)} {...select}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A labelled multi-line text row. */
export function TextAreaField({ label, error, hint, ...area }: TextAreaProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy }) => <textarea id={id} {...described(describedBy, error)} {...area} />}
    </Field>
  );
}

interface PositionProps {
  readonly lonLabel: string;
  readonly latLabel: string;
  /** The node's error for a field of the form, looked up as `lon` and `lat`. */
  readonly error: (field: string) => string | undefined;
}

/** The longitude and latitude inputs (named `lon` and `lat`) of a position in decimal degrees, both required. */
export function PositionFields({ lonLabel, latLabel, error }: PositionProps) {
  return (
    <>
      <InputField
        label={lonLabel}
        error={error('lon')}
        name="lon"
        type="number"
        step="any"
        min={-180}
        max={180}
        required
      />
      <InputField
        label={latLabel}
        error={error('lat')}
        name="lat"
        type="number"
        step="any"
        min={-90}
        max={90}
        required
      />
    </>
  );
}

/** Directory entries (agencies, border sections) as choices by code, each labelled by its name in `language` and its code. */
export function directoryChoices(
  entries: readonly { readonly code: string; readonly names: LocalisedNames }[],
  language: Language,
): Choice[] {
  return entries.map((entry) => ({
    value: entry.code,
    label: `${localName(entry.names, language, entry.code)} (${entry.code})`,
  }));
}

/** Choices from a list of codes, labelled by `labelOf`. */
export function choicesOf(codes: readonly string[], labelOf: (code: string) => string): Choice[] {
  return codes.map((code) => ({ value: code, label: labelOf(code) }));
}
