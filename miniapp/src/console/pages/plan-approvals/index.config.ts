export default definePageConfig({
  navigationBarTitleText: '计划审批',
});
