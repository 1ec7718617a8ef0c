export default definePageConfig({
  navigationBarTitleText: '编辑裁量基准',
});
