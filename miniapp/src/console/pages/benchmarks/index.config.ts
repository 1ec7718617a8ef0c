export default definePageConfig({
  navigationBarTitleText: '裁量基准',
});
