import { fenToYuanInput, rangeText, yuanText, yuanToFen } from './money';

describe('yuanToFen', () => {
  it('reads yuan with up to two decimals exactly', () => {
    expect(yuanToFen('15000')).toBe(1_500_000);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1.1')).toBe(110);
    expect(yuanToFen(' 15,000.05 元')).toBe(1_500_005);
    expect(yuanToFen('0')).toBe(0);
  });

  it('refuses what is not an amount, or more than the largest fine', () => {
    for (const text of ['', '元', '-5', '1.005', '1e5', '十万', '1.2.3']) expect(yuanToFen(text)).toBeNull();
    expect(yuanToFen('10000000')).toBe(1_000_000_000);
    expect(yuanToFen('10000000.01')).toBeNull();
  });
});

describe('fen as yuan', () => {
  it('writes an input value and a reading with thousands', () => {
    expect(fenToYuanInput(1_500_000)).toBe('15000');
    expect(fenToYuanInput(1_500_050)).toBe('15000.5');
    expect(fenToYuanInput(7)).toBe('0.07');
    expect(yuanText(123_456_789)).toBe('1,234,567.89 元');
    expect(yuanText(0)).toBe('0 元');
    expect(rangeText({ min: 1_000_000, max: 3_000_000 })).toBe('10,000 元 – 30,000 元');
  });

  it('round-trips every input value', () => {
    for (const fen of [0, 1, 10, 99, 100, 12_345, 1_000_000_000]) expect(yuanToFen(fenToYuanInput(fen))).toBe(fen);
  });
});
