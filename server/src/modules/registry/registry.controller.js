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
import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { normaliseCreditCode, Role } from '@mashang/shared';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CreateAgencyDto, CreateEnterpriseDto, CreateItemDto, CreateOfficerDto, ListQueryDto, ScopedListQueryDto, UpdateAgencyDto, UpdateEnterpriseDto, UpdateItemDto, UpdateOfficerDto, } from './dto/registry.dto.js';
import { RegistryService } from './registry.service.js';
const EDITORS = [Role.AgencyAdmin, Role.Supervisor];
const HISTORY_READERS = [Role.AgencyAdmin, Role.Supervisor, Role.Discipline];
/** 清单化管理: agencies, officers, inspection items and enterprises, with their edit history. */
let RegistryController = class RegistryController {
    registry;
    constructor(registry) {
        this.registry = registry;
    }
    listAgencies(user, query) {
        return this.registry.listAgencies(user, query);
    }
    getAgency(user, id) {
        return this.registry.getAgency(user, id);
    }
    createAgency(user, body) {
        return this.registry.createAgency(user, body);
    }
    updateAgency(user, id, body) {
        return this.registry.updateAgency(user, id, body);
    }
    agencyHistory(user, id) {
        return this.registry.history(user, 'agency', id);
    }
    listOfficers(user, query) {
        return this.registry.listOfficers(user, query);
    }
    getOfficer(user, id) {
        return this.registry.getOfficer(user, id);
    }
    createOfficer(user, body) {
        return this.registry.createOfficer(user, body);
    }
    updateOfficer(user, id, body) {
        return this.registry.updateOfficer(user, id, body);
    }
    officerHistory(user, id) {
        return this.registry.history(user, 'officer', id);
    }
    listItems(user, query) {
        return this.registry.listItems(user, query);
    }
    getItem(user, id) {
        return this.registry.getItem(user, id);
    }
    createItem(user, body) {
        return this.registry.createItem(user, body);
    }
    updateItem(user, id, body) {
        return this.registry.updateItem(user, id, body);
    }
    itemHistory(user, id) {
        return this.registry.history(user, 'item', id);
    }
    /** The enterprise register is the city's: every role reads it, supervisors keep it. */
    listEnterprises(query) {
        return this.registry.listEnterprises(query);
    }
    getEnterprise(creditCode) {
        return this.registry.getEnterprise(normaliseCreditCode(creditCode));
    }
    createEnterprise(user, body) {
        return this.registry.createEnterprise(user, body);
    }
    updateEnterprise(user, creditCode, body) {
        return this.registry.updateEnterprise(user, normaliseCreditCode(creditCode), body);
    }
    enterpriseHistory(user, creditCode) {
        return this.registry.history(user, 'enterprise', normaliseCreditCode(creditCode));
    }
};
__decorate([
    Get('agencies'),
    __param(0, CurrentUser()),
    __param(1, Query()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, ListQueryDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "listAgencies", null);
__decorate([
    Get('agencies/:id'),
    __param(0, CurrentUser()),
    __param(1, Param('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "getAgency", null);
__decorate([
    Roles(Role.Supervisor),
    Post('agencies'),
    __param(0, CurrentUser()),
    __param(1, Body()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, CreateAgencyDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "createAgency", null);
__decorate([
    Roles(Role.Supervisor),
    Patch('agencies/:id'),
    __param(0, CurrentUser()),
    __param(1, Param('id')),
    __param(2, Body()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, UpdateAgencyDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "updateAgency", null);
__decorate([
    Roles(...HISTORY_READERS),
    Get('agencies/:id/history'),
    __param(0, CurrentUser()),
    __param(1, Param('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "agencyHistory", null);
__decorate([
    Get('officers'),
    __param(0, CurrentUser()),
    __param(1, Query()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, ScopedListQueryDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "listOfficers", null);
__decorate([
    Get('officers/:id'),
    __param(0, CurrentUser()),
    __param(1, Param('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "getOfficer", null);
__decorate([
    Roles(...EDITORS),
    Post('officers'),
    __param(0, CurrentUser()),
    __param(1, Body()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, CreateOfficerDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "createOfficer", null);
__decorate([
    Roles(...EDITORS),
    Patch('officers/:id'),
    __param(0, CurrentUser()),
    __param(1, Param('id')),
    __param(2, Body()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, UpdateOfficerDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "updateOfficer", null);
__decorate([
    Roles(...HISTORY_READERS),
    Get('officers/:id/history'),
    __param(0, CurrentUser()),
    __param(1, Param('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "officerHistory", null);
__decorate([
    Get('items'),
    __param(0, CurrentUser()),
    __param(1, Query()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, ScopedListQueryDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "listItems", null);
__decorate([
    Get('items/:id'),
    __param(0, CurrentUser()),
    __param(1, Param('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "getItem", null);
__decorate([
    Roles(...EDITORS),
    Post('items'),
    __param(0, CurrentUser()),
    __param(1, Body()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, CreateItemDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "createItem", null);
__decorate([
    Roles(...EDITORS),
    Patch('items/:id'),
    __param(0, CurrentUser()),
    __param(1, Param('id')),
    __param(2, Body()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, UpdateItemDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "updateItem", null);
__decorate([
    Roles(...HISTORY_READERS),
    Get('items/:id/history'),
    __param(0, CurrentUser()),
    __param(1, Param('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "itemHistory", null);
__decorate([
    Get('enterprises'),
    __param(0, Query()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ListQueryDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "listEnterprises", null);
__decorate([
    Get('enterprises/:creditCode'),
    __param(0, Param('creditCode')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "getEnterprise", null);
__decorate([
    Roles(Role.Supervisor),
    Post('enterprises'),
    __param(0, CurrentUser()),
    __param(1, Body()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, CreateEnterpriseDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "createEnterprise", null);
__decorate([
    Roles(Role.Supervisor),
    Patch('enterprises/:creditCode'),
    __param(0, CurrentUser()),
    __param(1, Param('creditCode')),
    __param(2, Body()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, UpdateEnterpriseDto]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "updateEnterprise", null);
__decorate([
    Roles(...HISTORY_READERS),
    Get('enterprises/:creditCode/history'),
    __param(0, CurrentUser()),
    __param(1, Param('creditCode')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], RegistryController.prototype, "enterpriseHistory", null);
RegistryController = __decorate([
    ApiTags('registry'),
    ApiBearerAuth(),
    Controller('registry'),
    __param(0, Inject(RegistryService)),
    __metadata("design:paramtypes", [RegistryService])
], RegistryController);
export { RegistryController };
