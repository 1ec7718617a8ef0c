export default definePageConfig({
  navigationBarTitleText: '三色清单',
});
