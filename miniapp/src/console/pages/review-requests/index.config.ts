export default definePageConfig({
  navigationBarTitleText: '异议复查',
});
