export default definePageConfig({
  navigationBarTitleText: '检查评价',
});
