const WEIGHTS = [7, 3, 1] as const;

function characterValue(character: string): number {
  if (character === '<') return 0;
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  throw new RangeError(`${JSON.stringify(character)} has no MRZ check-digit value`);
}

/** The ICAO 9303 Part 3 check digit of MRZ characters: values weighted 7-3-1, summed, modulo 10. */
export function computeCheckDigit(data: string): string {
  let sum = 0;
  for (let index = 0; index < data.length; index += 1) {
    sum += characterValue(data.charAt(index)) * WEIGHTS[index % 3]!;
  }
  return String(sum % 10);
}

/** True for the characters an MRZ may contain: A-Z, 0-9 and the filler. */
export function isMrzCharacter(character: string): boolean {
  return /^[A-Z0-9<]$/.test(character);
}
