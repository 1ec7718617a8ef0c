export default definePageConfig({
  navigationBarTitleText: '非现场检查',
});
