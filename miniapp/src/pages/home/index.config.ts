export default definePageConfig({
  navigationBarTitleText: '码上入企',
});
