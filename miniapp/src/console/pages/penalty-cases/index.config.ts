export default definePageConfig({
  navigationBarTitleText: '处罚案件',
});
