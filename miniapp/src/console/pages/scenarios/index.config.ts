export default definePageConfig({
  navigationBarTitleText: '综合监管场景',
});
