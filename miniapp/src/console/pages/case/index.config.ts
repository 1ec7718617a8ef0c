export default definePageConfig({
  navigationBarTitleText: '案件详情',
});
