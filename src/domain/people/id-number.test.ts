import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Gender } from '../membership/index.ts';
import type { IsoDate } from '../shared/index.ts';
import {
  canonicalIdNumber,
  checkCharacter,
  checkIdAgainstPerson,
  checkIdNumber,
  generateIdNumber,
  type ParsedId,
  PROVINCE_CODES,
  upgradeLegacyId,
} from './id-number.ts';

/** A 17-digit body completed with its correct check character. */
const withCheck = (first17: string) => first17 + checkCharacter(first17);

function parsed(value: string, today?: IsoDate): ParsedId {
  const r = checkIdNumber(value, today === undefined ? {} : { today });
  if (!r.ok) throw new Error(`expected a valid number, got ${r.reason}`);
  return r;
}

describe('checkCharacter (GB 11643-1999 5.5, ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
  ])('%s → %s (verified samples, docs/people.md §2)', (body, check) => {
    expect(checkCharacter(body)).toBe(check);
  });
});

describe('checkIdNumber', () => {
  it.each<[string, string, IsoDate | undefined, IsoDate, Gender, boolean]>([
    ['check character X', '11010519491231002X', undefined, '1949-12-31', 'female', false],
    ['lower-case x normalised', '11010519491231002x', undefined, '1949-12-31', 'female', false],
    ['spaces trimmed', '  11010519491231002X\t', undefined, '1949-12-31', 'female', false],
    ['full-width space trimmed', '\u300011010519491231002X\u3000', undefined, '1949-12-31', 'female', false],
    ['odd sequence is male', withCheck('32010219850615003'), undefined, '1985-06-15', 'male', false],
    ['born today', withCheck('44030620261101002'), '2026-11-01', '2026-11-01', 'female', false],
    ['leap day', withCheck('51010420000229011'), undefined, '2000-02-29', 'male', false],
    ['港澳台居民居住证 830000', withCheck('83000019900101004'), undefined, '1990-01-01', 'female', false],
    ['香港 81', withCheck('81000019900101005'), undefined, '1990-01-01', 'male', false],
    [
      'unknown county in a known province',
      withCheck('65999919700101002'),
      undefined,
      '1970-01-01',
      'female',
      false,
    ],
    ['15-digit legacy, female', '110105491231002', undefined, '1949-12-31', 'female', true],
    ['15-digit legacy, male', '110105491231001', undefined, '1949-12-31', 'male', true],
  ])('%s: %s', (_label, value, today, birthDate, gender, legacy) => {
    const r = parsed(value, today);
    expect(r).toMatchObject({ birthDate, gender, legacy });
    expect(r.normalized).toBe(value.trim().toUpperCase());
    expect(r.warnings.map((w) => w.reason)).toEqual(legacy ? ['id_legacy_15'] : []);
  });

  it('warns in Chinese about a legacy number', () => {
    expect(parsed('110105491231002').warnings[0]?.message).toBe('15位旧身份证号码，建议更新为18位');
  });

  it.each<[string, string, string, IsoDate?]>([
    ['empty', '', 'id_length'],
    ['17 characters', '11010519491231002', 'id_length'],
    ['16 characters', '1101051949123100', 'id_length'],
    ['19 characters', '11010519491231002X0', 'id_length'],
    ['inner space', '110105 19491231002X', 'id_length'],
    ['letter other than X', '11010519491231002Y', 'id_characters'],
    ['X before the end', '1101051949123100XX', 'id_characters'],
    ['full-width digits', '１１０１０５１９４９１２３１００２X', 'id_characters'],
    ['X in a 15-digit number', '11010549123100X', 'id_characters'],
    ['unknown province 99', withCheck('99010519491231002'), 'id_province'],
    ['province 00', withCheck('00000019491231002'), 'id_province'],
    ['province 16 (gap)', withCheck('16010119491231002'), 'id_province'],
    ['province 84', withCheck('84000019900101004'), 'id_province'],
    ['legacy number in province 99', '990105491231002', 'id_province'],
    ['19990230 is not a date', withCheck('11010519990230002'), 'id_birth_date'],
    ['month 13', withCheck('11010519991301002'), 'id_birth_date'],
    ['1900-02-29 (1900 is not a leap year)', withCheck('11010519000229002'), 'id_birth_date'],
    ['before 1900-01-01', withCheck('11010518991231002'), 'id_birth_date'],
    ['verified sample born 1880', '440524188001010014', 'id_birth_date'],
    ['future birth date', withCheck('11010520261102002'), 'id_birth_date', '2026-11-01'],
    ['legacy 990230', '110105990230001', 'id_birth_date'],
    ['wrong check character', '110105194912310021', 'id_check_character'],
    ['X where a digit is due', '44030619800101003X', 'id_check_character'],
    ['a digit where X is due', '440306198001010010', 'id_check_character'],
  ])('refuses %s: %s → %s', (_label, value, reason, today) => {
    const r = checkIdNumber(value, today === undefined ? {} : { today });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(/公民身份号码/);
      expect(r.article).toMatch(/^GB 11643-1999/);
    }
  });

  it('accepts a date in the future when no today is given (the caller decides)', () => {
    expect(checkIdNumber(withCheck('11010520990101002')).ok).toBe(true);
  });
});

describe('checkIdAgainstPerson', () => {
  const id = parsed('11010519491231002X');
  it.each<[string, { birthDate?: IsoDate | null; gender?: Gender | null }, string | null]>([
    ['nothing given', {}, null],
    ['nulls given', { birthDate: null, gender: null }, null],
    ['both agree', { birthDate: '1949-12-31', gender: 'female' }, null],
    ['other birth date', { birthDate: '1949-12-30' }, 'id_birth_date_mismatch'],
    ['wrong parity vs given gender', { gender: 'male' }, 'id_gender_mismatch'],
    ['both wrong: birth date first', { birthDate: '1950-01-01', gender: 'male' }, 'id_birth_date_mismatch'],
  ])('%s', (_label, person, reason) => {
    const d = checkIdAgainstPerson(id, person);
    expect(d.ok ? null : d.reason).toBe(reason);
  });

  it('applies to legacy numbers too', () => {
    const d = checkIdAgainstPerson(parsed('110105491231001'), { gender: 'female' });
    expect(d).toMatchObject({ ok: false, reason: 'id_gender_mismatch' });
  });
});

describe('upgradeLegacyId', () => {
  it('inserts 19 and computes the check character', () => {
    expect(upgradeLegacyId('110105491231002')).toBe('11010519491231002X');
    expect(canonicalIdNumber(parsed('110105491231002'))).toBe('11010519491231002X');
    expect(canonicalIdNumber(parsed('11010519491231002x'))).toBe('11010519491231002X');
  });

  it.each(['11010519491231002X', '11010549123100', 'abcdefghijklmno'])('refuses %s', (value) => {
    expect(() => upgradeLegacyId(value)).toThrow();
  });
});

describe('generateIdNumber', () => {
  it('builds the verified sample', () => {
    expect(generateIdNumber({ provinceAndCounty: '110105', birthDate: '1949-12-31', sequence: 2 })).toBe(
      '11010519491231002X',
    );
  });

  it.each([
    { provinceAndCounty: '11010', birthDate: '1949-12-31', sequence: 2 },
    { provinceAndCounty: '110105', birthDate: '1949-02-30', sequence: 2 },
    { provinceAndCounty: '110105', birthDate: '1949-12-31', sequence: 1000 },
    { provinceAndCounty: '110105', birthDate: '1949-12-31', sequence: 1.5 },
  ])('throws on malformed input %o', (input) => {
    expect(() => generateIdNumber(input)).toThrow();
  });
});

const isoDay = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const idInputFields = {
  provinceAndCounty: fc
    .tuple(fc.constantFrom(...PROVINCE_CODES), fc.integer({ min: 0, max: 9999 }))
    .map(([p, c]) => p + String(c).padStart(4, '0')),
  birthDate: isoDay('1900-01-01', '2099-12-31'),
  sequence: fc.integer({ min: 0, max: 999 }),
};
const idInput = fc.record(idInputFields);

const validId = idInput.map(generateIdNumber);

/** Replaces the character at `position` by another one allowed there (digits; digits or X for the last). */
function substitute(id: string, position: number, pick: number): string {
  const allowed = (position === 17 ? '0123456789X' : '0123456789').replace(id[position] as string, '');
  return id.slice(0, position) + (allowed[pick % allowed.length] as string) + id.slice(position + 1);
}

describe('properties', () => {
  it('every generated number passes and derives the birth date and gender it was built from', () => {
    fc.assert(
      fc.property(idInput, (input) => {
        const r = parsed(generateIdNumber(input));
        expect(r.birthDate).toBe(input.birthDate);
        expect(r.gender).toBe(input.sequence % 2 === 1 ? 'male' : 'female');
        expect(r.legacy).toBe(false);
      }),
    );
  });

  // A single substitution changes Σ a_i·W_i by (a'_i − a_i)·W_i, never a multiple of 11 (see checkCharacter):
  // so the number always fails, whatever position is changed and whatever reason ends up reported.
  it('any single-character substitution of a valid number fails', () => {
    const mutation = fc.record({
      id: validId,
      position: fc.integer({ min: 0, max: 17 }),
      pick: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(mutation, ({ id, position, pick }) => {
        expect(checkIdNumber(substitute(id, position, pick)).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('exhaustively: all 163 single substitutions of the verified sample fail', () => {
    const sample = '11010519491231002X';
    const mutants = [...sample].flatMap((c, i) =>
      [...(i === 17 ? '0123456789X' : '0123456789')]
        .filter((r) => r !== c)
        .map((r) => sample.slice(0, i) + r + sample.slice(i + 1)),
    );
    expect(mutants).toHaveLength(17 * 9 + 10);
    expect(mutants.filter((m) => checkIdNumber(m).ok)).toEqual([]);
  });

  it('a substitution in the sequence or check character fails on the check character', () => {
    const mutation = fc.record({
      id: validId,
      position: fc.integer({ min: 14, max: 17 }),
      pick: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(mutation, ({ id, position, pick }) => {
        expect(checkIdNumber(substitute(id, position, pick))).toMatchObject({
          ok: false,
          reason: 'id_check_character',
        });
      }),
    );
  });

  it('a legacy number and its upgrade describe the same person', () => {
    // Legacy numbers carry YYMMDD of the 1900s.
    const legacyInput = fc.record({ ...idInputFields, birthDate: isoDay('1900-01-01', '1999-12-31') });
    fc.assert(
      fc.property(legacyInput, (input) => {
        const full = generateIdNumber(input);
        const legacy = full.slice(0, 6) + full.slice(8, 17);
        expect(upgradeLegacyId(legacy)).toBe(full);
        const old = parsed(legacy);
        const current = parsed(full);
        expect([old.birthDate, old.gender]).toEqual([current.birthDate, current.gender]);
      }),
    );
  });
});
