/** What the demo city's discretion benchmarks (裁量基准) are made of: factors, bands and the laws the clause codes cite. */
import type { DiscretionFactor } from '@mashang/shared';

/** The factors every clause weighs, as published benchmarks commonly list them. */
export const COMMON_FACTORS: DiscretionFactor[] = [
  { id: 'first-offence', label: '初次违法', points: -2 },
  { id: 'cooperation', label: '积极配合调查', points: -1 },
  { id: 'voluntary-correction', label: '主动消除或者减轻违法行为危害后果', points: -2 },
  { id: 'illegal-gains', label: '有违法所得', points: 3 },
  { id: 'harm', label: '造成危害后果', points: 4 },
  { id: 'refused-correction', label: '拒不改正', points: 3 },
  { id: 'repeat-offence', label: '一年内再次实施同类违法行为', points: 2 },
];

/** One more factor for the clauses of some kinds of agency. */
export const KIND_FACTORS: Partial<Record<string, DiscretionFactor>> = {
  market: { id: 'vulnerable-groups', label: '涉及婴幼儿、老年人等特定人群', points: 2 },
  fire: { id: 'public-safety', label: '危及公共安全', points: 3 },
  safety: { id: 'public-safety', label: '危及公共安全', points: 3 },
  housing: { id: 'public-safety', label: '危及公共安全', points: 3 },
  ecology: { id: 'sensitive-area', label: '发生在饮用水水源保护区等环境敏感区域', points: 3 },
  'medical-insurance': { id: 'large-fund-loss', label: '造成医疗保障基金损失数额较大', points: 3 },
};

/** From these points on: below 0 从轻, 0–4 一般, 5 and more 从重. */
export const DEMO_BANDS = { light: -20, general: 0, severe: 5 } as const;

/** The law or regulation a clause code's prefix cites (laws of the People's Republic carry its name). */
export const LAWS: Record<string, string> = {
  FSL: '中华人民共和国食品安全法',
  PRL: '中华人民共和国价格法',
  ADL: '中华人民共和国广告法',
  FPL: '中华人民共和国消防法',
  APL: '中华人民共和国大气污染防治法',
  WPL: '中华人民共和国水污染防治法',
  SWL: '中华人民共和国固体废物污染环境防治法',
  WSL: '中华人民共和国安全生产法',
  PHR: '公共场所卫生管理条例实施细则',
  OCC: '中华人民共和国职业病防治法',
  MIR: '医疗机构管理条例',
  RTR: '中华人民共和国道路运输条例',
  CSR: '建设工程安全生产管理条例',
  GAS: '城镇燃气管理条例',
  CQR: '建设工程质量管理条例',
  EPR: '娱乐场所管理条例',
  TRL: '中华人民共和国旅游法',
  IBR: '互联网上网服务营业场所管理条例',
  PCR: '农药管理条例',
  VDR: '兽药管理条例',
  SDL: '中华人民共和国种子法',
  CAR: '城市市容和环境卫生管理条例',
  CWR: '城市建筑垃圾管理规定',
  LAL: '中华人民共和国土地管理法',
  UPL: '中华人民共和国城乡规划法',
  MRL: '中华人民共和国矿产资源法',
  LSC: '劳动保障监察条例',
  SIL: '中华人民共和国社会保险法',
  HRM: '人力资源市场暂行条例',
  MIF: '医疗保障基金使用监督管理条例',
};
