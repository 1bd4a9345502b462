import { describe, expect, it } from 'vitest';
import { parsePosition, positionText } from './position.js';

describe('parsePosition', () => {
  it('reads "latitude, longitude" as the API\'s [longitude, latitude]', () => {
    expect(parsePosition('43.65, 111.98')).toEqual([111.98, 43.65]);
  });

  it('accepts a space, a semicolon or several separators between the two numbers', () => {
    expect(parsePosition('43.65 111.98')).toEqual([111.98, 43.65]);
    expect(parsePosition(' 43.65;111.98 ')).toEqual([111.98, 43.65]);
    expect(parsePosition('-33.9,  -70.1')).toEqual([-70.1, -33.9]);
  });

  it('accepts the extreme latitudes and longitudes and refuses anything beyond', () => {
    expect(parsePosition('90, 180')).toEqual([180, 90]);
    expect(parsePosition('-90, -180')).toEqual([-180, -90]);
    expect(parsePosition('90.0001, 10')).toBeNull();
    expect(parsePosition('10, -180.5')).toBeNull();
  });

  it('refuses text that is not exactly two numbers', () => {
    for (const text of ['', '43.65', '43.65, 111.98, 1200', 'north, east', '43.65, 111.98E', 'NaN, 1']) {
      expect(parsePosition(text)).toBeNull();
    }
  });

  it('refuses a longitude typed first when it lies outside the latitude range', () => {
    expect(parsePosition('111.98, 43.65')).toBeNull();
  });
});

describe('positionText', () => {
  it('writes [longitude, latitude] as "latitude, longitude" to four decimals by default', () => {
    expect(positionText([111.98, 43.65])).toBe('43.6500, 111.9800');
  });

  it('rounds to the digits asked for', () => {
    expect(positionText([111.987654, 43.654321], 2)).toBe('43.65, 111.99');
  });

  it('reads back to the same position it wrote', () => {
    const position = [87.5, -12.25] as const;
    expect(parsePosition(positionText(position))).toEqual(position);
  });
});
