export default definePageConfig({
  navigationBarTitleText: '法制审核',
});
