export default definePageConfig({
  navigationBarTitleText: '争议条款统计',
});
