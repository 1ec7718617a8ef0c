import { Complaint } from './complaint.entity.js';
import { EnterpriseContact, EnterprisePortEvent, EnterpriseWechatBinding } from './enterprise-contact.entity.js';
import { InspectionBooking, InspectionNotice } from './inspection-notice.entity.js';

export const PORT_ENTITIES = [EnterpriseContact, EnterpriseWechatBinding, EnterprisePortEvent, Complaint, InspectionNotice, InspectionBooking];
