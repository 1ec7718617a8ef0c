export default definePageConfig({
  navigationBarTitleText: '执法监测',
});
