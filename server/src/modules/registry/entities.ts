import { Agency } from './agency.entity.js';
import { Enterprise } from './enterprise.entity.js';
import { Item } from './item.entity.js';
import { Officer } from './officer.entity.js';
import { RegisterHistory } from './register-history.entity.js';
import { ViolationColourEntry } from './violation-colour.entity.js';

/** The registers: agencies, their officers and inspection items, enterprises, and every change to them. */
export const REGISTRY_ENTITIES = [Agency, Officer, Item, Enterprise, RegisterHistory, ViolationColourEntry];
