export default definePageConfig({
  navigationBarTitleText: '行政处罚监督码',
});
