export default definePageConfig({
  navigationBarTitleText: '检查码核验',
});
