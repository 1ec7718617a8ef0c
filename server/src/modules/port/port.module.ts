import { Module } from '@nestjs/common';
import { EnterpriseCaseRepository } from '../cases/index.js';
import { EvaluationModule } from '../evaluation/index.js';
import { FlagsModule } from '../flags/index.js';
import { InspectionsModule } from '../inspections/index.js';
import { OnsiteModule } from '../onsite/index.js';
import { PlansModule } from '../plans/index.js';
import { RegistryModule } from '../registry/index.js';
import { TrailModule } from '../trail/index.js';
import { ComplaintFiling } from './complaints/complaint-filing.js';
import { ComplaintOutcomeSms } from './complaints/complaint-outcome-sms.js';
import { ComplaintsController, EnterpriseComplaintsController } from './complaints/complaints.controller.js';
import { HotlineImport } from './complaints/hotline-import.js';
import { ComplaintRepository } from './complaint.repository.js';
import { EnterpriseContacts } from './contacts/enterprise-contacts.js';
import { EnterprisePhones } from './contacts/enterprise-phones.js';
import { EnterpriseContactRepository } from './enterprise-contact.repository.js';
import { EnterpriseHistory } from './history/enterprise-history.js';
import { EnterpriseHistoryController } from './history/history.controller.js';
import { EnterpriseVisits } from './history/enterprise-visits.js';
import { EnterpriseVisitsController } from './history/visits.controller.js';
import { InspectionNoticeRepository } from './inspection-notice.repository.js';
import { InspectionNotices } from './notices/inspection-notices.js';
import { InspectionNoticeSms } from './notices/notice-sms.js';
import { EnterpriseNoticesController, EnterpriseSlotsController } from './notices/notices.controller.js';
import { EnterpriseSignIn } from './sign-in/enterprise-sign-in.js';
import { EnterprisePortLinkController, EnterpriseSignInController } from './sign-in/sign-in.controller.js';
import { PortSms } from './sms/port-sms.js';

/**
 * 企业端 (the enterprise's port): the enterprise signs in (phone + SMS code, or WeChat bound to a registered
 * phone), manages who may act for it, reads its own inspections, trails, ratings' outcomes and cases, and
 * complains (码上响应; also the public form and imported 12345 tickets), told the outcome by SMS; planned
 * inspections are announced to it ahead (检查预告) and it marks the half-days that suit it (双向预约).
 */
@Module({
  imports: [RegistryModule, EvaluationModule, InspectionsModule, FlagsModule, TrailModule, PlansModule, OnsiteModule],
  controllers: [
    EnterpriseSignInController, EnterprisePortLinkController, EnterpriseHistoryController, EnterpriseComplaintsController, ComplaintsController,
    EnterpriseNoticesController, EnterpriseSlotsController, EnterpriseVisitsController,
  ],
  providers: [
    EnterpriseContactRepository, ComplaintRepository, EnterprisePhones, EnterpriseSignIn, EnterpriseContacts, PortSms, EnterpriseHistory, EnterpriseVisits,
    ComplaintFiling, HotlineImport, ComplaintOutcomeSms, InspectionNoticeRepository, InspectionNotices, InspectionNoticeSms,
    // Read-only statements of cases/ (its own SQL), provided here so the cases module stays as it is.
    EnterpriseCaseRepository,
  ],
})
export class PortModule {}
