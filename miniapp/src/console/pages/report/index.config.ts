export default definePageConfig({
  navigationBarTitleText: '大数据研判报告',
});
