import { bookingWindow, isAnnounced, isMainlandMobile, preparationList, slotLabel, slotProblem } from './enterprise-port.js';

describe('mainland mobile numbers', () => {
  it('takes eleven digits starting 13–19, nothing else', () => {
    expect(['13812345678', '19912345678', '16600000000'].every(isMainlandMobile)).toBe(true);
    expect(['12812345678', '1381234567', '138123456789', '+8613812345678', '138 1234 5678', '010-12345678'].some(isMainlandMobile)).toBe(false);
  });
});

describe('advance notices and booking', () => {
  it('announces an inspection only when no agency comes on a complaint, undercover or in an emergency', () => {
    expect(isAnnounced(['planned'])).toBe(true);
    expect(isAnnounced(['planned', 'superior'])).toBe(true);
    expect(isAnnounced(['planned', 'complaint'])).toBe(false);
    expect(isAnnounced(['undercover'])).toBe(false);
    expect(isAnnounced(['emergency'])).toBe(false);
    expect(isAnnounced([])).toBe(false);
  });

  it('lets half-days be marked within seven days either side of the date, from tomorrow on', () => {
    expect(bookingWindow('2026-12-20', '2026-12-05')).toEqual({ from: '2026-12-13', to: '2026-12-27' });
    expect(bookingWindow('2026-12-08', '2026-12-05')).toEqual({ from: '2026-12-06', to: '2026-12-15' });
    const window = bookingWindow('2026-12-08', '2026-12-05');
    expect(slotProblem({ date: '2026-12-06', half: 'am' }, window)).toBeNull();
    expect(slotProblem({ date: '2026-12-05', half: 'pm' }, window)).toBe('只能选择 2026-12-06 至 2026-12-15 之间的日期');
    expect(slotProblem({ date: '2026-02-30', half: 'pm' }, window)).toBe('日期格式应为 YYYY-MM-DD');
    expect(slotProblem({ date: '2026-12-07', half: 'noon' as 'am' }, window)).toBe('请选择上午或下午');
    expect(slotLabel({ date: '2026-12-09', half: 'pm' })).toBe('12月9日下午');
  });

  it('lists what to prepare from the items', () => {
    expect(preparationList([{ name: '食品经营许可检查' }])).toEqual(['营业执照（或复印件）、法定代表人或现场负责人的身份证件', '与“食品经营许可检查”有关的许可证照、台账和记录']);
  });
});
