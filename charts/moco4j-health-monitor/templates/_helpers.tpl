{{- define "moco4j-health-monitor.fullname" -}}
{{- if contains "moco4j-health-monitor" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name "moco4j-health-monitor" | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "moco4j-health-monitor.selectorLabels" -}}
app.kubernetes.io/name: moco4j-health-monitor
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "moco4j-health-monitor.labels" -}}
{{ include "moco4j-health-monitor.selectorLabels" . }}
app.kubernetes.io/component: health-monitor
app.kubernetes.io/part-of: moco4j
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
