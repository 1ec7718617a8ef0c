/**
 * draws/ — 双随机一公开: random draws of enterprises and of two officers per inspection, reproducible
 * from their published inputs and seed (shared/spec/random-draw.md); drawn inspections become plans.
 * Owns: random_draws, random_draw_plans, draw_conflicts.
 */
export { DrawsModule } from './draws.module.js';
