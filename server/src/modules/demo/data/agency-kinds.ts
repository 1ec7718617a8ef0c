/** The kinds of enforcement agency of a city, and how the demo names and weighs them. */
import { CITIES } from './cities.js';
import { VIOLATION_CAUSES, type CauseDef } from './causes.js';
import { INSPECTION_ITEMS, type ItemDef } from './items.js';

export interface KindDef {
  kind: string;
  /** Department name after the city, e.g. 市场监督管理局. */
  dept: string;
  /** District-level naming: a branch of the city bureau, its own district department, or a fire brigade. */
  style: 'branch' | 'department' | 'fire';
  /** Relative inspection workload. */
  weight: number;
  emergency: boolean;
  items: ItemDef[];
  causes: CauseDef[];
}

export const KINDS: KindDef[] = [
  {
    kind: 'market', dept: '市场监督管理局', style: 'branch', weight: 5, emergency: true,
    items: INSPECTION_ITEMS.market, causes: VIOLATION_CAUSES.market,
  },
  {
    kind: 'fire', dept: '消防救援支队', style: 'fire', weight: 3, emergency: true,
    items: INSPECTION_ITEMS.fire, causes: VIOLATION_CAUSES.fire,
  },
  {
    kind: 'ecology', dept: '生态环境局', style: 'branch', weight: 2, emergency: true,
    items: INSPECTION_ITEMS.ecology, causes: VIOLATION_CAUSES.ecology,
  },
  {
    kind: 'safety', dept: '应急管理局', style: 'department', weight: 2.5, emergency: true,
    items: INSPECTION_ITEMS.safety, causes: VIOLATION_CAUSES.safety,
  },
  {
    kind: 'health', dept: '卫生健康委员会', style: 'department', weight: 2, emergency: true,
    items: INSPECTION_ITEMS.health, causes: VIOLATION_CAUSES.health,
  },
  {
    kind: 'transport', dept: '交通运输局', style: 'department', weight: 1.5, emergency: false,
    items: INSPECTION_ITEMS.transport, causes: VIOLATION_CAUSES.transport,
  },
  {
    kind: 'housing', dept: '住房和城乡建设局', style: 'department', weight: 1.5, emergency: false,
    items: INSPECTION_ITEMS.housing, causes: VIOLATION_CAUSES.housing,
  },
  {
    kind: 'culture', dept: '文化广电和旅游局', style: 'department', weight: 1, emergency: false,
    items: INSPECTION_ITEMS.culture, causes: VIOLATION_CAUSES.culture,
  },
  {
    kind: 'agriculture', dept: '农业农村局', style: 'department', weight: 1, emergency: false,
    items: INSPECTION_ITEMS.agriculture, causes: VIOLATION_CAUSES.agriculture,
  },
  {
    kind: 'urban', dept: '城市管理局', style: 'department', weight: 1.5, emergency: false,
    items: INSPECTION_ITEMS.urban, causes: VIOLATION_CAUSES.urban,
  },
  {
    kind: 'natural-resources', dept: '自然资源和规划局', style: 'branch', weight: 0.7, emergency: false,
    items: INSPECTION_ITEMS['natural-resources'], causes: VIOLATION_CAUSES['natural-resources'],
  },
  {
    kind: 'human-resources', dept: '人力资源和社会保障局', style: 'department', weight: 1, emergency: false,
    items: INSPECTION_ITEMS['human-resources'], causes: VIOLATION_CAUSES['human-resources'],
  },
  {
    kind: 'medical-insurance', dept: '医疗保障局', style: 'department', weight: 0.7, emergency: false,
    items: INSPECTION_ITEMS['medical-insurance'], causes: VIOLATION_CAUSES['medical-insurance'],
  },
];

/** Order in which district-level agencies are created (round robin over districts). */
export const DISTRICT_KIND_ORDER = [
  'market', 'fire', 'safety', 'ecology', 'health', 'urban', 'transport',
  'housing', 'culture', 'agriculture', 'human-resources', 'natural-resources', 'medical-insurance',
];

export const MAX_AGENCIES = CITIES.reduce((n, c) => n + KINDS.length * (1 + c.districts.length), 0);
