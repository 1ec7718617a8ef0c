/**
 * port/ — 企业端, the enterprise's port: sign-in by phone and SMS code or a bound WeChat account (the
 * session itself is auth's, of a kind no officer or desk endpoint accepts), and the enterprise's contacts.
 * Owns: enterprise_contacts, enterprise_wechat_bindings, enterprise_port_events.
 */
export { PortModule } from './port.module.js';
export { EnterpriseContactRepository } from './enterprise-contact.repository.js';
