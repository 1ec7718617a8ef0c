export default definePageConfig({
  navigationBarTitleText: '专项检查',
});
