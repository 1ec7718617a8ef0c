import { User } from './user.entity.js';

export const AUTH_ENTITIES = [User];
