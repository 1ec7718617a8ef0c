export default definePageConfig({
  navigationBarTitleText: '报备检查计划',
});
