/**
 * booklet/ — 一企一册: each enterprise's compliance booklet (PDF, Chinese, made on demand): the items that
 * apply to it by industry and agency with their legal basis, common violations and how to comply (the
 * items register's guidance), and its own inspection history. Reads the registers and the inspection
 * records through their repositories.
 * Owns: no tables.
 */
export { BookletModule } from './booklet.module.js';
export { bookletContent, type BookletContent } from './booklet-content.js';
