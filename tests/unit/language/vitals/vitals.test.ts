import { describe, expect, it } from 'vitest';
import { Finding } from '../../../../common/findings';
import { extractVitals } from '../../../../main/language/vitals/extract';
import { one } from '../medications/segments';

const vitals = (text: string) => extractVitals(one(text, 'd')).map((f) => [f.type, f.value, f.value2, f.unit]);

describe('vital sign extraction', () => {
  it('reads blood pressure said as "over", as a slash and as a spoken reading', () => {
    expect(vitals('your blood pressure is 120 over 80')).toEqual([['bp', 120, 80, 'mmHg']]);
    expect(vitals('bp 132/84 today')).toEqual([['bp', 132, 84, 'mmHg']]);
    expect(vitals('blood pressure was one twenty eight over eighty eight')).toEqual([['bp', 128, 88, 'mmHg']]);
  });

  it('reads heart rate, respiratory rate and oxygen saturation', () => {
    expect(vitals('heart rate of 72 and pulse 88')).toEqual([
      ['hr', 72, null, '/min'],
      ['hr', 88, null, '/min'],
    ]);
    expect(vitals('respirations were sixteen')).toEqual([['rr', 16, null, '/min']]);
    expect(vitals('o2 sat 98%')).toEqual([['spo2', 98, null, '%']]);
    expect(vitals('oxygen 95 percent on room air')).toEqual([['spo2', 95, null, '%']]);
    expect(vitals('your o2 sat is at a hundred percent')).toEqual([['spo2', 100, null, '%']]);
  });

  it('converts Fahrenheit to Celsius and keeps what was said', () => {
    const [t] = extractVitals(one('temperature is 101.2 degrees', 'd'));
    expect(t).toMatchObject({ type: 'temp', value: 38.4, unit: '°C', original: '101.2 degrees' });
    expect(vitals('temp of ninety eight point six')).toEqual([['temp', 37, null, '°C']]);
    expect(vitals('temperature 37.8 celsius')).toEqual([['temp', 37.8, null, '°C']]);
  });

  it('converts pounds to kilograms and feet and inches to centimetres', () => {
    expect(vitals('i weigh about two hundred pounds')).toEqual([['weight', 90.7, null, 'kg']]);
    expect(vitals("she's five feet , six inches in height")).toEqual([['height', 167.6, null, 'cm']]);
    expect(vitals("i'm 6 feet tall")).toEqual([['height', 182.9, null, 'cm']]);
    expect(vitals('bmi is 32.5')).toEqual([['bmi', 32.5, null, 'kg/m²']]);
  });

  it('finds nothing when a vital is described without a number', () => {
    expect(vitals('blood pressure was high')).toEqual([]);
    expect(vitals('your heart rate looks good and you do not have a fever')).toEqual([]);
  });

  it('rejects implausible values, doses and weight changes', () => {
    expect(vitals('blood pressure 80 over 120')).toEqual([]);
    expect(vitals('heart rate of 400')).toEqual([]);
    expect(vitals('your blood pressure medication , 20 milligrams')).toEqual([]);
    expect(vitals("i've lost 25 pounds since i started watching my weight")).toEqual([]);
    expect(vitals('she fell from 6 feet')).toEqual([]);
  });

  it('does not let one vital’s number be read as the next one’s', () => {
    expect(vitals('your heart rate your spo2 was ninety eight percent')).toEqual([['spo2', 98, null, '%']]);
  });

  it('merges the same reading said twice and points evidence at it', () => {
    const text = 'blood pressure 140/90 . yes 140/90';
    const found = extractVitals(one(`${text} and your blood pressure 140/90`, 'd'));
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence).toHaveLength(2);
    for (const f of found) expect(() => Finding.parse(f)).not.toThrow();
  });
});
