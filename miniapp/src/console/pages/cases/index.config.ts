export default definePageConfig({
  navigationBarTitleText: '监督案件',
});
