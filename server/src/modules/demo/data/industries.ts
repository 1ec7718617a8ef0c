/** Industries and the kinds of agency that regulate each. */

/** [industry, kinds that regulate it] */
export const INDUSTRIES: [string, string[]][] = [
  ['餐饮服务', ['market', 'fire', 'health', 'urban']],
  ['食品销售', ['market', 'fire']],
  ['食品生产', ['market', 'ecology', 'safety', 'fire']],
  ['批发零售', ['market', 'fire']],
  ['居民服务', ['health', 'fire', 'market']],
  ['机动车维修', ['transport', 'ecology', 'fire']],
  ['医疗卫生', ['health', 'medical-insurance', 'fire']],
  ['药品零售', ['market', 'medical-insurance']],
  ['文化娱乐', ['culture', 'fire', 'health']],
  ['住宿', ['fire', 'health', 'market']],
  ['农资经营', ['agriculture', 'market']],
  ['制造业', ['safety', 'ecology', 'fire', 'market', 'human-resources']],
  ['建筑业', ['housing', 'safety', 'human-resources', 'natural-resources']],
  ['道路运输', ['transport', 'safety', 'fire']],
  ['危险化学品', ['safety', 'ecology', 'fire']],
  ['农业', ['agriculture', 'ecology', 'natural-resources']],
  ['燃气', ['housing', 'safety', 'fire']],
  ['房地产', ['housing', 'natural-resources']],
  ['人力资源服务', ['human-resources', 'market']],
];
export const IND = Object.fromEntries(INDUSTRIES.map(([name], i) => [name, i])) as Record<string, number>;
