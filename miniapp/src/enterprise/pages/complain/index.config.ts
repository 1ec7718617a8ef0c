export default definePageConfig({
  navigationBarTitleText: '码上响应',
});
