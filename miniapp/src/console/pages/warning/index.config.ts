export default definePageConfig({
  navigationBarTitleText: '高发违法行为预警报告',
});
