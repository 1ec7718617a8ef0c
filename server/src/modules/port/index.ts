/**
 * port/ — 企业端, the enterprise's port: sign-in by phone and SMS code or a bound WeChat account (the
 * session itself is auth's, of a kind no officer or desk endpoint accepts), the enterprise's contacts, its
 * own page, and complaints (码上响应: its page, the public form, 12345 tickets), each a flagged case whose
 * outcome goes back by SMS; advance notices of planned inspections and the half-days it books.
 * Owns: enterprise_contacts, enterprise_wechat_bindings, enterprise_port_events, complaints,
 * inspection_notices, inspection_bookings.
 */
export { PortModule } from './port.module.js';
export { EnterpriseContactRepository } from './enterprise-contact.repository.js';
export { ComplaintRepository } from './complaint.repository.js';
