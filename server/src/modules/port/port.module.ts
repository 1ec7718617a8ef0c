import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/index.js';
import { RegistryModule } from '../registry/index.js';
import { EnterpriseContacts } from './contacts/enterprise-contacts.js';
import { EnterprisePhones } from './contacts/enterprise-phones.js';
import { EnterpriseContactRepository } from './enterprise-contact.repository.js';
import { EnterpriseSignIn } from './sign-in/enterprise-sign-in.js';
import { EnterprisePortLinkController, EnterpriseSignInController } from './sign-in/sign-in.controller.js';
import { PortSms } from './sms/port-sms.js';

/**
 * 企业端 (the enterprise's port): the enterprise signs in (phone + SMS code, or WeChat bound to a registered
 * phone) and manages who may act for it.
 */
@Module({
  imports: [RegistryModule, EvaluationModule],
  controllers: [EnterpriseSignInController, EnterprisePortLinkController],
  providers: [EnterpriseContactRepository, EnterprisePhones, EnterpriseSignIn, EnterpriseContacts, PortSms],
})
export class PortModule {}
