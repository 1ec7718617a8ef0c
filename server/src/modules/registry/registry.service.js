var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, maskPhone, Role, } from '@mashang/shared';
import { Brackets, DataSource } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { DomainError, forbidden, notFound } from '../../infra/errors/domain-error.js';
import { agencyScope, assertSameAgency } from '../auth/scope.js';
import { Agency } from './agency.entity.js';
import { Enterprise } from './enterprise.entity.js';
import { Item } from './item.entity.js';
import { Officer } from './officer.entity.js';
import { appendHistory, diffFields } from './register-history.js';
import { RegisterHistory } from './register-history.entity.js';
export const REGISTER_FIELDS = {
    agency: ['name', 'kind', 'region'],
    officer: ['agencyId', 'name', 'certNo', 'phone'],
    item: ['agencyId', 'name', 'basis', 'noDisturb'],
    enterprise: ['name', 'industry', 'region', 'phone', 'creditGrade', 'lowTouch'],
};
/** `%`/`_` typed by a user are searched for literally. */
function likeContains(text) {
    return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
function actorOf(user) {
    return `user:${user.id}:${user.username}`;
}
let RegistryService = class RegistryService {
    dataSource;
    phones;
    constructor(dataSource, config) {
        this.dataSource = dataSource;
        this.phones = new PhoneCipher(config.phoneEncryptionKey);
    }
    // ---- agencies -------------------------------------------------------------------------
    async listAgencies(user, query) {
        const scope = agencyScope(user);
        return this.page(Agency, 'a', query, 'a.id', (qb) => {
            if (scope)
                qb.andWhere('a.id = :scope', { scope });
            if (query.q)
                qb.andWhere(new Brackets((w) => w.where('a.name LIKE :q', { q: likeContains(query.q) }).orWhere('a.id = :id', { id: query.q })));
        }, toAgencyDto);
    }
    async getAgency(user, id) {
        assertSameAgency(user, id);
        return toAgencyDto(await this.mustFind(this.dataSource.manager, Agency, { id }, '执法部门'));
    }
    createAgency(user, input) {
        return this.dataSource.transaction(async (manager) => {
            if (await manager.existsBy(Agency, { id: input.id }))
                throw conflict(`执法部门 ${input.id} 已存在`);
            await manager.insert(Agency, input);
            await appendHistory(manager, actorOf(user), [{ register: 'agency', subjectId: input.id, action: 'create', changes: diffFields(null, { ...input }, REGISTER_FIELDS.agency) }]);
            return toAgencyDto(await manager.findOneByOrFail(Agency, { id: input.id }));
        });
    }
    updateAgency(user, id, patch) {
        return this.dataSource.transaction(async (manager) => {
            const before = toAgencyDto(await this.mustFind(manager, Agency, { id }, '执法部门', true));
            const after = { ...before, ...patch };
            await this.saveChanges(manager, user, 'agency', id, { ...before }, after, () => manager.update(Agency, { id }, patch));
            return after;
        });
    }
    // ---- officers -------------------------------------------------------------------------
    async listOfficers(user, query) {
        const agencyId = this.agencyFilter(user, query.agencyId);
        return this.page(Officer, 'o', query, 'o.id', (qb) => {
            if (agencyId)
                qb.andWhere('o.agency_id = :agencyId', { agencyId });
            if (query.q)
                qb.andWhere(new Brackets((w) => w.where('o.name LIKE :q', { q: likeContains(query.q) }).orWhere('o.cert_no = :exact', { exact: query.q }).orWhere('o.id = :exact')));
        }, (o) => this.toOfficerDto(o));
    }
    async getOfficer(user, id) {
        const officer = await this.mustFind(this.dataSource.manager, Officer, { id }, '执法人员');
        assertSameAgency(user, officer.agencyId);
        return this.toOfficerDto(officer);
    }
    createOfficer(user, input) {
        this.assertMayEdit(user, input.agencyId);
        return this.dataSource.transaction(async (manager) => {
            await this.mustReference(manager, Agency, { id: input.agencyId }, 'agencyId', '执法部门不存在');
            if (await manager.existsBy(Officer, { id: input.id }))
                throw conflict(`执法人员 ${input.id} 已存在`);
            const { phone, ...rest } = input;
            await manager.insert(Officer, { ...rest, phoneCipher: this.phones.encrypt(phone) });
            await appendHistory(manager, actorOf(user), [{ register: 'officer', subjectId: input.id, action: 'create', changes: diffFields(null, { ...input }, REGISTER_FIELDS.officer) }]);
            return this.toOfficerDto(await manager.findOneByOrFail(Officer, { id: input.id }));
        });
    }
    updateOfficer(user, id, patch) {
        return this.dataSource.transaction(async (manager) => {
            const officer = await this.mustFind(manager, Officer, { id }, '执法人员', true);
            this.assertMayEdit(user, officer.agencyId);
            const before = { ...officer, phone: this.phones.decrypt(officer.phoneCipher) };
            const after = { ...before, ...patch };
            await this.saveChanges(manager, user, 'officer', id, before, after, () => manager.update(Officer, { id }, { name: after.name, certNo: after.certNo, phoneCipher: this.phones.encrypt(after.phone) }));
            return this.toOfficerDto(await manager.findOneByOrFail(Officer, { id }));
        });
    }
    // ---- items ----------------------------------------------------------------------------
    async listItems(user, query) {
        const agencyId = this.agencyFilter(user, query.agencyId);
        return this.page(Item, 'i', query, 'i.id', (qb) => {
            if (agencyId)
                qb.andWhere('i.agency_id = :agencyId', { agencyId });
            if (query.q)
                qb.andWhere(new Brackets((w) => w.where('i.name LIKE :q', { q: likeContains(query.q) }).orWhere('i.id = :exact', { exact: query.q })));
        }, toItemDto);
    }
    async getItem(user, id) {
        const item = await this.mustFind(this.dataSource.manager, Item, { id }, '检查事项');
        assertSameAgency(user, item.agencyId);
        return toItemDto(item);
    }
    createItem(user, input) {
        this.assertMayEdit(user, input.agencyId);
        return this.dataSource.transaction(async (manager) => {
            await this.mustReference(manager, Agency, { id: input.agencyId }, 'agencyId', '执法部门不存在');
            if (await manager.existsBy(Item, { id: input.id }))
                throw conflict(`检查事项 ${input.id} 已存在`);
            const row = { ...input, noDisturb: input.noDisturb ?? false };
            await manager.insert(Item, row);
            await appendHistory(manager, actorOf(user), [{ register: 'item', subjectId: input.id, action: 'create', changes: diffFields(null, row, REGISTER_FIELDS.item) }]);
            return toItemDto(await manager.findOneByOrFail(Item, { id: input.id }));
        });
    }
    updateItem(user, id, patch) {
        return this.dataSource.transaction(async (manager) => {
            const before = toItemDto(await this.mustFind(manager, Item, { id }, '检查事项', true));
            this.assertMayEdit(user, before.agencyId);
            const after = { ...before, ...patch };
            await this.saveChanges(manager, user, 'item', id, { ...before }, after, () => manager.update(Item, { id }, patch));
            return after;
        });
    }
    // ---- enterprises ----------------------------------------------------------------------
    async listEnterprises(query) {
        return this.page(Enterprise, 'e', query, 'e.credit_code', (qb) => {
            if (!query.q)
                return;
            const code = query.q.trim().toUpperCase();
            qb.andWhere(new Brackets((w) => {
                w.where('e.name LIKE :q', { q: likeContains(query.q) });
                // A typed code prefix (at least the registration and category characters) also matches.
                if (/^[0-9A-Z]{2,18}$/.test(code))
                    w.orWhere('e.credit_code LIKE :code', { code: `${code}%` });
            }));
        }, (e) => this.toEnterpriseDto(e));
    }
    async getEnterprise(creditCode) {
        return this.toEnterpriseDto(await this.mustFind(this.dataSource.manager, Enterprise, { creditCode }, '企业'));
    }
    createEnterprise(user, input) {
        return this.dataSource.transaction(async (manager) => {
            if (await manager.existsBy(Enterprise, { creditCode: input.creditCode }))
                throw conflict(`企业 ${input.creditCode} 已登记`);
            const { phone, ...rest } = input;
            const row = { ...rest, lowTouch: input.lowTouch ?? false };
            await manager.insert(Enterprise, { ...row, phoneCipher: this.phones.encrypt(phone) });
            await appendHistory(manager, actorOf(user), [{ register: 'enterprise', subjectId: input.creditCode, action: 'create', changes: diffFields(null, { ...row, phone }, REGISTER_FIELDS.enterprise) }]);
            return this.toEnterpriseDto(await manager.findOneByOrFail(Enterprise, { creditCode: input.creditCode }));
        });
    }
    updateEnterprise(user, creditCode, patch) {
        return this.dataSource.transaction(async (manager) => {
            const enterprise = await this.mustFind(manager, Enterprise, { creditCode }, '企业', true);
            const before = { ...enterprise, phone: this.phones.decrypt(enterprise.phoneCipher) };
            const after = { ...before, ...patch };
            await this.saveChanges(manager, user, 'enterprise', creditCode, before, after, () => manager.update(Enterprise, { creditCode }, { name: after.name, industry: after.industry, region: after.region, creditGrade: after.creditGrade, lowTouch: after.lowTouch, phoneCipher: this.phones.encrypt(after.phone) }));
            return this.toEnterpriseDto(await manager.findOneByOrFail(Enterprise, { creditCode }));
        });
    }
    // ---- history --------------------------------------------------------------------------
    async history(user, register, subjectId) {
        if (register === 'officer')
            await this.getOfficer(user, subjectId);
        else if (register === 'item')
            await this.getItem(user, subjectId);
        else if (register === 'agency')
            await this.getAgency(user, subjectId);
        else
            await this.getEnterprise(subjectId);
        const rows = await this.dataSource.manager.find(RegisterHistory, { where: { register, subjectId }, order: { id: 'ASC' } });
        return rows.map((row) => ({ at: row.at.toISOString(), actor: row.actor, action: row.action, changes: JSON.parse(row.changes) }));
    }
    // ---- helpers --------------------------------------------------------------------------
    /** Officers and agency admins see their own agency; overseers may narrow to one. */
    agencyFilter(user, requested) {
        const scope = agencyScope(user);
        if (scope && requested && requested !== scope)
            throw forbidden('不能访问其他部门的数据');
        return scope ?? requested ?? null;
    }
    assertMayEdit(user, agencyId) {
        if (user.role === Role.Supervisor)
            return;
        if (user.role === Role.AgencyAdmin && user.agencyId === agencyId)
            return;
        throw forbidden('只有本部门管理员或执法监督部门可以修改');
    }
    async saveChanges(manager, user, register, subjectId, before, after, write) {
        const changes = diffFields(before, after, REGISTER_FIELDS[register]);
        if (!Object.keys(changes).length)
            return;
        await write();
        await appendHistory(manager, actorOf(user), [{ register, subjectId, action: 'update', changes }]);
    }
    async page(entity, alias, query, orderBy, filter, toDto) {
        const qb = this.dataSource.manager.createQueryBuilder(entity, alias);
        filter(qb);
        const [rows, total] = await qb
            .orderBy(orderBy, 'ASC')
            .skip((query.page - 1) * query.pageSize)
            .take(query.pageSize)
            .getManyAndCount();
        return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
    }
    async mustFind(manager, entity, where, label, forUpdate = false) {
        const row = await manager.findOne(entity, { where: where, lock: forUpdate ? { mode: 'pessimistic_write' } : undefined });
        if (!row)
            throw notFound(label);
        return row;
    }
    async mustReference(manager, entity, where, field, reason) {
        if (!(await manager.existsBy(entity, where))) {
            throw new DomainError(ErrorCode.ValidationFailed, `${field}: ${reason}`, [{ field, reason }]);
        }
    }
    toOfficerDto(officer) {
        return { id: officer.id, agencyId: officer.agencyId, name: officer.name, certNo: officer.certNo, phone: maskPhone(this.phones.decrypt(officer.phoneCipher)) };
    }
    toEnterpriseDto(e) {
        return {
            creditCode: e.creditCode,
            name: e.name,
            industry: e.industry,
            region: e.region,
            phone: maskPhone(this.phones.decrypt(e.phoneCipher)),
            creditGrade: e.creditGrade,
            lowTouch: e.lowTouch,
        };
    }
};
RegistryService = __decorate([
    Injectable(),
    __param(0, InjectDataSource()),
    __param(1, Inject(APP_CONFIG)),
    __metadata("design:paramtypes", [DataSource, Object])
], RegistryService);
export { RegistryService };
function conflict(message) {
    return new DomainError(ErrorCode.Conflict, message);
}
function toAgencyDto(a) {
    return { id: a.id, name: a.name, kind: a.kind, region: a.region };
}
function toItemDto(i) {
    return { id: i.id, agencyId: i.agencyId, name: i.name, basis: i.basis, noDisturb: i.noDisturb };
}
