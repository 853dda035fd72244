// KubectlKit module
