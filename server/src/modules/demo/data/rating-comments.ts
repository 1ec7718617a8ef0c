/** What enterprises write with a rating. */

export const PRAISE = [
  '执法人员态度很好，讲解耐心', '检查规范，指导到位', '出示证件，程序清楚', '帮我们发现了消防隐患，谢谢', '没有打扰正常营业',
  '一次联合检查就查完了，省心', '整改意见具体，可操作',
];
/** Complaints by the first flag ticked: repeated, inaction, excessive, other. */
export const COMPLAINTS = [
  ['同一件事一个月内来查了两次', '刚查过又来查，重复检查'],
  ['举报了很久才来处理', '反映的问题没有人管'],
  ['检查时间太长，影响营业', '要求提供的材料太多', '一次检查查了十几项，和我们经营无关'],
  ['检查人员态度生硬', '没有出示执法证件', '整改要求不明确', '处罚太重，和别家不一样'],
];
