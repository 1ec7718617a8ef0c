import { DrawConflict } from './draw-conflict.entity.js';
import { RandomDrawPlan } from './draw-plan.entity.js';
import { RandomDraw } from './random-draw.entity.js';

export const DRAWS_ENTITIES = [RandomDraw, RandomDrawPlan, DrawConflict];
